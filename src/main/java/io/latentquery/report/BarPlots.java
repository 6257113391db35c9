package io.latentquery.report;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

/** Grouped bar charts: class proportions of a selection against its pool, and evaluation scores. */
public final class BarPlots {
  private BarPlots() {}

  /** Share of each class in the pool and in the selection, side by side. */
  public static BufferedImage classHistogram(
      ClassHistogram histogram, String title, PlotOptions options) {
    if (histogram.classes().isEmpty()) {
      throw new IllegalArgumentException("a class histogram needs at least one class");
    }
    CategoryChart chart = chart(title, "class", "proportion", options);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisDecimalPattern("0.00");
    addProportions(
        chart,
        "pool (" + Charts.count(histogram.poolTotal()) + ")",
        histogram.classes(),
        histogram.pool(),
        0);
    addProportions(
        chart,
        "selected (" + Charts.count(histogram.selectedTotal()) + ")",
        histogram.classes(),
        histogram.selected(),
        3);
    return Charts.render(chart);
  }

  private static void addProportions(
      CategoryChart chart, String name, List<String> classes, long[] counts, int color) {
    long total = java.util.Arrays.stream(counts).sum();
    List<Double> shares = new ArrayList<>();
    for (long c : counts) {
      shares.add(total == 0 ? 0.0 : (double) c / total);
    }
    CategorySeries series = chart.addSeries(name, classes, shares);
    series.setFillColor(Palette.color(color));
  }

  /**
   * Mean score per strategy (one bar colour each) at each budget and setting, with error bars of
   * one standard deviation.
   */
  public static BufferedImage evaluation(
      List<EvaluationResult> results, String title, String scoreName, PlotOptions options) {
    if (results.isEmpty()) {
      throw new IllegalArgumentException("no evaluation results to plot");
    }
    Set<String> settings = new LinkedHashSet<>();
    results.forEach(r -> settings.add(r.setting()));
    List<EvaluationResult> sorted = new ArrayList<>(results);
    sorted.sort(
        java.util.Comparator.comparing(EvaluationResult::setting)
            .thenComparingInt(EvaluationResult::budget));
    List<String> categories = new ArrayList<>();
    Map<String, Map<String, EvaluationResult>> byStrategy = new LinkedHashMap<>();
    for (EvaluationResult r : results) {
      byStrategy.putIfAbsent(r.strategy(), new LinkedHashMap<>());
    }
    for (EvaluationResult r : sorted) {
      String category = category(r, settings.size() > 1);
      if (!categories.contains(category)) {
        categories.add(category);
      }
      if (byStrategy.get(r.strategy()).put(category, r) != null) {
        throw new IllegalArgumentException(
            "two results for strategy " + r.strategy() + " at " + category);
      }
    }
    CategoryChart chart =
        chart(
            title,
            settings.size() > 1 ? "setting, budget" : "budget (labeled examples)",
            scoreName,
            options);
    int color = 0;
    for (Map.Entry<String, Map<String, EvaluationResult>> entry : byStrategy.entrySet()) {
      List<Double> means = new ArrayList<>();
      List<Double> stds = new ArrayList<>();
      for (String category : categories) {
        EvaluationResult r = entry.getValue().get(category);
        means.add(r == null ? 0.0 : r.mean());
        stds.add(r == null ? 0.0 : r.std());
      }
      CategorySeries series = chart.addSeries(entry.getKey(), categories, means, stds);
      series.setFillColor(Palette.color(color++));
    }
    chart.getStyler().setErrorBarsColor(java.awt.Color.BLACK);
    chart.getStyler().setYAxisDecimalPattern("0.00");
    return Charts.render(chart);
  }

  private static String category(EvaluationResult r, boolean withSetting) {
    String budget = "n=" + r.budget();
    return withSetting && !r.setting().isEmpty() ? r.setting() + ", " + budget : budget;
  }

  private static CategoryChart chart(
      String title, String xTitle, String yTitle, PlotOptions options) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(options.width())
            .height(options.height())
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle(yTitle)
            .build();
    Charts.style(chart.getStyler());
    chart.getStyler().setAvailableSpaceFill(0.8);
    chart.getStyler().setOverlapped(false);
    chart.getStyler().setPlotGridVerticalLinesVisible(false);
    return chart;
  }
}
