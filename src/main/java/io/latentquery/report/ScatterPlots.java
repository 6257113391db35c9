package io.latentquery.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Scatter plots of encodings: the pool coloured by class, and the pool with highlighted points (a
 * selection coloured by cluster, the hard examples) on top. Pools larger than {@link
 * PlotOptions#maxPoints()} are subsampled deterministically and the title says so.
 */
public final class ScatterPlots {
  /** Clusters beyond this many share one legend entry instead of one each. */
  static final int MAX_LEGEND_GROUPS = 12;

  private ScatterPlots() {}

  /** The pool, one series per class when labels are known, else one gray series. */
  public static BufferedImage encodings(
      Projection2D projection, ClassLabels classes, String title, PlotOptions options) {
    classes.requireSize(projection.count());
    requirePoints(projection);
    int[] shown =
        Subsample.indices(projection.count(), options.maxPoints(), options.seed(), new int[0]);
    XYChart chart = chart(projection, title + shownNote(shown.length, projection.count()), options);
    chart.getStyler().setMarkerSize(4);
    if (classes.known()) {
      addClassSeries(chart, projection, classes, shown, 255, true);
    } else {
      addSeries(chart, "pool", projection, shown, Palette.color(0), SeriesMarkers.CIRCLE, true);
      chart.getStyler().setLegendVisible(false);
    }
    return Charts.render(chart);
  }

  /**
   * The pool in light gray (or faint class colours when labels are known, or faint group colours
   * when {@code poolGroups} is given), with the highlighted points larger and outlined on top,
   * coloured by group when they have groups.
   *
   * @param poolGroups group per pool point (e.g. cluster), or null
   */
  public static BufferedImage overlay(
      Projection2D projection,
      ClassLabels classes,
      int[] poolGroups,
      Highlight highlight,
      String title,
      PlotOptions options) {
    classes.requireSize(projection.count());
    requirePoints(projection);
    if (poolGroups != null && poolGroups.length != projection.count()) {
      throw new IllegalArgumentException(
          poolGroups.length + " pool groups for " + projection.count() + " points");
    }
    for (int index : highlight.indices()) {
      if (index < 0 || index >= projection.count()) {
        throw new IllegalArgumentException(
            highlight.name()
                + " index "
                + index
                + " is outside the pool of "
                + projection.count()
                + " points");
      }
    }
    int[] shown =
        Subsample.indices(
            projection.count(), options.maxPoints(), options.seed(), highlight.indices());
    String fullTitle = title + shownNote(shown.length, projection.count());
    XYChart chart = chart(projection, fullTitle, options);
    chart.getStyler().setMarkerSize(3);
    if (poolGroups != null) {
      Map<Integer, List<Integer>> byGroup = new TreeMap<>();
      for (int i : shown) {
        byGroup.computeIfAbsent(poolGroups[i], g -> new ArrayList<>()).add(i);
      }
      boolean first = true;
      for (Map.Entry<Integer, List<Integer>> entry : byGroup.entrySet()) {
        Color color =
            entry.getKey() < 0 ? Palette.POOL : Palette.faint(Palette.color(entry.getKey()), 70);
        String name =
            first
                ? "pool (faint: " + highlight.groupName() + ")"
                : "pool " + highlight.groupName() + " " + entry.getKey();
        addSeries(
            chart, name, projection, toArray(entry.getValue()), color, SeriesMarkers.CIRCLE, first);
        first = false;
      }
    } else if (classes.known()) {
      addClassSeries(chart, projection, classes, shown, 80, true);
    } else {
      addSeries(chart, "pool", projection, shown, Palette.POOL, SeriesMarkers.CIRCLE, true);
    }
    addHighlight(chart, projection, highlight);
    return Charts.render(chart);
  }

  private static void addHighlight(XYChart chart, Projection2D projection, Highlight highlight) {
    int[] indices = highlight.indices();
    if (indices.length == 0) {
      return;
    }
    String label = highlight.name() + " (" + Charts.count(indices.length) + ")";
    if (!highlight.grouped()) {
      XYSeries series = addSeries(chart, label, projection, indices, Palette.HIGHLIGHT, null, true);
      series.setMarker(new OutlinedMarker(OutlinedMarker.Kind.DIAMOND, 3.0, Palette.OUTLINE));
      return;
    }
    int[] groups = highlight.groups();
    Map<Integer, List<Integer>> byGroup = new TreeMap<>();
    for (int k = 0; k < indices.length; k++) {
      byGroup.computeIfAbsent(groups[k], g -> new ArrayList<>()).add(indices[k]);
    }
    boolean legendPerGroup = byGroup.size() <= MAX_LEGEND_GROUPS;
    boolean first = true;
    for (Map.Entry<Integer, List<Integer>> entry : byGroup.entrySet()) {
      int group = entry.getKey();
      Color color = group < 0 ? Palette.HIGHLIGHT : Palette.color(group);
      String name =
          group < 0
              ? highlight.name() + ", no " + highlight.groupName()
              : highlight.name() + ", " + highlight.groupName() + " " + group;
      if (!legendPerGroup && first) {
        name = label + " in " + byGroup.size() + " " + highlight.groupName() + "s";
      }
      XYSeries series =
          addSeries(
              chart,
              name,
              projection,
              toArray(entry.getValue()),
              color,
              null,
              legendPerGroup || first);
      series.setMarker(new OutlinedMarker(OutlinedMarker.Kind.DIAMOND, 3.0, Palette.OUTLINE));
      first = false;
    }
  }

  private static void addClassSeries(
      XYChart chart,
      Projection2D projection,
      ClassLabels classes,
      int[] shown,
      int alpha,
      boolean legend) {
    Map<Integer, List<Integer>> byClass = new TreeMap<>();
    for (int i : shown) {
      byClass.computeIfAbsent(classes.label(i), c -> new ArrayList<>()).add(i);
    }
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (Map.Entry<Integer, List<Integer>> entry : byClass.entrySet()) {
      int label = entry.getKey();
      Color base = label < 0 ? Palette.POOL : Palette.color(label);
      String name = uniqueName((alpha >= 255 ? "" : "pool: ") + classes.name(label), seen);
      addSeries(
          chart,
          name,
          projection,
          toArray(entry.getValue()),
          alpha >= 255 ? base : Palette.faint(base, alpha),
          SeriesMarkers.CIRCLE,
          legend);
    }
  }

  /** XChart needs distinct series names; two classes may share a display name. */
  private static String uniqueName(String name, Map<String, Integer> seen) {
    int n = seen.merge(name, 1, Integer::sum);
    return n == 1 ? name : name + " (" + n + ")";
  }

  private static XYSeries addSeries(
      XYChart chart,
      String name,
      Projection2D projection,
      int[] indices,
      Color color,
      org.knowm.xchart.style.markers.Marker marker,
      boolean legend) {
    double[] x = new double[indices.length];
    double[] y = new double[indices.length];
    for (int k = 0; k < indices.length; k++) {
      x[k] = projection.xAt(indices[k]);
      y[k] = projection.yAt(indices[k]);
    }
    XYSeries series = chart.addSeries(name, x, y);
    series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    series.setMarkerColor(color);
    if (marker != null) {
      series.setMarker(marker);
    }
    series.setShowInLegend(legend);
    return series;
  }

  private static XYChart chart(Projection2D projection, String title, PlotOptions options) {
    XYChart chart =
        new XYChartBuilder()
            .width(options.width())
            .height(options.height())
            .title(title)
            .xAxisTitle(projection.xLabel())
            .yAxisTitle(projection.yLabel())
            .build();
    Charts.style(chart.getStyler());
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    chart.getStyler().setXAxisDecimalPattern("#0.##");
    chart.getStyler().setYAxisDecimalPattern("#0.##");
    return chart;
  }

  private static void requirePoints(Projection2D projection) {
    if (projection.count() == 0) {
      throw new IllegalArgumentException("a scatter plot needs at least one point");
    }
  }

  static String shownNote(int shown, int total) {
    return shown < total
        ? " (" + Charts.count(shown) + " of " + Charts.count(total) + " points, random subsample)"
        : " (" + Charts.count(total) + " points)";
  }

  private static int[] toArray(List<Integer> values) {
    int[] out = new int[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }
}
