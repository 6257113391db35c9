package io.latentquery.explore;

/**
 * How the explorer page is built.
 *
 * @param clusters k of the k-means clustering the page can colour by
 * @param maxPoints at most this many pool points are drawn (a seeded sample that keeps every
 *     selected point); each brings one thumbnail into the page
 * @param seed seed of k-means and of the sample
 * @param thumbnailSide thumbnails larger than this many pixels on a side are scaled down to it
 */
public record ExploreSettings(int clusters, int maxPoints, long seed, int thumbnailSide) {
  /** Most points one page holds: their thumbnails make one sprite sheet the browser decodes. */
  public static final int MAX_POINTS = 60_000;

  public ExploreSettings {
    if (clusters < 1) {
      throw new IllegalArgumentException("--clusters must be >= 1, got " + clusters);
    }
    if (maxPoints < 1 || maxPoints > MAX_POINTS) {
      throw new IllegalArgumentException(
          "--max-points must be between 1 and " + MAX_POINTS + ", got " + maxPoints);
    }
    if (thumbnailSide < 4) {
      throw new IllegalArgumentException("--thumbnail must be >= 4, got " + thumbnailSide);
    }
  }

  /** 10 clusters, 20,000 points, seed 0, thumbnails of at most 32 pixels. */
  public static ExploreSettings defaults() {
    return new ExploreSettings(10, 20_000, 0, 32);
  }
}
