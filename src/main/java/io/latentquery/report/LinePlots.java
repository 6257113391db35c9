package io.latentquery.report;

import io.latentquery.contract.Metrics;
import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Training curves from {@code metrics.csv}: the loss per epoch (train and validation) and, in a
 * second chart, each loss term, since terms such as a KL divergence live on another scale than the
 * total.
 */
public final class LinePlots {
  private LinePlots() {}

  /** Train and validation loss per epoch (validation only where recorded). */
  public static BufferedImage loss(Metrics metrics, String title, PlotOptions options) {
    requireEpochs(metrics);
    XYChart chart = chart(title, "loss", options);
    addLine(chart, "train", metrics, e -> e.trainLoss(), 0);
    addLine(chart, "validation", metrics, e -> e.validationLoss(), 1);
    return Charts.render(chart);
  }

  /** True when metrics record at least one loss term with a value. */
  public static boolean hasTerms(Metrics metrics) {
    for (int t = 0; t < metrics.lossTerms().size(); t++) {
      final int term = t;
      if (metrics.epochs().stream().anyMatch(e -> Double.isFinite(e.terms()[term]))) {
        return true;
      }
    }
    return false;
  }

  /** Each loss term per epoch. */
  public static BufferedImage lossTerms(Metrics metrics, String title, PlotOptions options) {
    requireEpochs(metrics);
    if (!hasTerms(metrics)) {
      throw new IllegalArgumentException("metrics record no loss terms");
    }
    XYChart chart = chart(title, "value", options);
    for (int t = 0; t < metrics.lossTerms().size(); t++) {
      final int term = t;
      addLine(chart, metrics.lossTerms().get(t), metrics, e -> e.terms()[term], t + 2);
    }
    return Charts.render(chart);
  }

  private static void requireEpochs(Metrics metrics) {
    if (metrics.epochs().isEmpty()) {
      throw new IllegalArgumentException("metrics hold no epochs");
    }
  }

  private static void addLine(
      XYChart chart,
      String name,
      Metrics metrics,
      java.util.function.ToDoubleFunction<Metrics.Epoch> value,
      int color) {
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (Metrics.Epoch e : metrics.epochs()) {
      double v = value.applyAsDouble(e);
      if (Double.isFinite(v)) {
        x.add((double) e.epoch());
        y.add(v);
      }
    }
    if (x.isEmpty()) {
      return;
    }
    XYSeries series = chart.addSeries(name, x, y);
    series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
    series.setMarker(SeriesMarkers.CIRCLE);
    series.setLineColor(Palette.color(color));
    series.setMarkerColor(Palette.color(color));
    series.setLineStyle(new BasicStroke(2f));
  }

  private static XYChart chart(String title, String yTitle, PlotOptions options) {
    XYChart chart =
        new XYChartBuilder()
            .width(options.width())
            .height(options.height())
            .title(title)
            .xAxisTitle("epoch")
            .yAxisTitle(yTitle)
            .build();
    Charts.style(chart.getStyler());
    chart.getStyler().setMarkerSize(6);
    chart.getStyler().setXAxisDecimalPattern("#0");
    return chart;
  }
}
