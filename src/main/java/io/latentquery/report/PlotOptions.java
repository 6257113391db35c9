package io.latentquery.report;

/**
 * Size and density of the charts.
 *
 * @param width picture width in pixels
 * @param height picture height in pixels
 * @param maxPoints most pool points drawn in a scatter plot; larger pools are subsampled
 *     deterministically (highlighted points are always kept) and the title says so
 * @param seed seed of that subsample
 */
public record PlotOptions(int width, int height, int maxPoints, long seed) {
  public static final PlotOptions DEFAULT = new PlotOptions(800, 600, 10_000, 0L);

  public PlotOptions {
    if (width < 200 || height < 150) {
      throw new IllegalArgumentException(
          "plot size must be at least 200x150, got " + width + "x" + height);
    }
    if (maxPoints < 1) {
      throw new IllegalArgumentException("maxPoints must be >= 1, got " + maxPoints);
    }
  }

  public PlotOptions withSize(int newWidth, int newHeight) {
    return new PlotOptions(newWidth, newHeight, maxPoints, seed);
  }
}
