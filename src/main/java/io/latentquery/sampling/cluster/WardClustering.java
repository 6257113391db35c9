package io.latentquery.sampling.cluster;

import io.latentquery.sampling.Points;
import java.util.Arrays;

/**
 * Cuts a pool into k Ward clusters, exactly ({@link WardLinkage} on every point) or approximately:
 * k-means (seeded, one k-means++ start, at most 10 Lloyd iterations) to {@code centroids} centres,
 * Ward on the centres weighted by their cluster sizes, each point then taking its centre's cluster.
 * The weighted Ward criterion on centres is exactly Ward's increase in within-cluster variance for
 * clusters that never split a k-means cell, so the approximation only loses resolution below the
 * cell size.
 */
public final class WardClustering {
  /** {@code auto} clusters exactly up to this many points of low dimension. */
  public static final int AUTO_EXACT_LIMIT = 100_000;

  /**
   * The highest dimension at which {@code auto} clusters a large pool exactly: the bounding-volume
   * tree that finds each cluster's nearest neighbour prunes well in a few dimensions and hardly at
   * all in 16, where exact Ward on 50,000 points runs for hours.
   */
  public static final int AUTO_EXACT_MAX_DIM = 4;

  /** {@code auto} clusters exactly up to this many points in any dimension. */
  public static final int AUTO_EXACT_LIMIT_ANY_DIM = 5_000;

  /** Centres of the approximate mode unless told otherwise. */
  public static final int DEFAULT_CENTROIDS = 2_000;

  private WardClustering() {}

  /** Whether {@code auto} clusters {@code points} exactly. */
  public static boolean exactInAuto(Points points) {
    return points.count() <= AUTO_EXACT_LIMIT_ANY_DIM
        || (points.count() <= AUTO_EXACT_LIMIT && points.dim() <= AUTO_EXACT_MAX_DIM);
  }

  /** A clustering and the mode that produced it ({@code exact} or {@code approx}, never auto). */
  public record Result(Clustering clustering, WardMode mode, int centroids) {}

  /**
   * @param centroids k-means centres for the approximate mode (at least {@code clusters})
   * @param seed seeds the approximate mode's k-means; exact Ward uses no randomness
   */
  public static Result cluster(
      Points points, int clusters, WardMode mode, int centroids, long seed) {
    if (clusters < 1) {
      throw new IllegalArgumentException("clusters must be >= 1, got " + clusters);
    }
    if (clusters > points.count()) {
      throw new IllegalArgumentException(
          "cannot cut " + points.count() + " points into " + clusters + " clusters");
    }
    if (centroids < clusters) {
      throw new IllegalArgumentException(
          "Ward centroids must be >= clusters (" + clusters + "), got " + centroids);
    }
    WardMode used =
        mode == WardMode.AUTO ? (exactInAuto(points) ? WardMode.EXACT : WardMode.APPROX) : mode;
    if (used == WardMode.EXACT || centroids >= points.count()) {
      return new Result(
          Clustering.canonical(WardLinkage.fit(points).cut(clusters)), WardMode.EXACT, 0);
    }
    KMeansResult cells = KMeans.fit(points, new KMeansSettings(centroids, 1, 10, 1e-4), seed);
    int[] sizes = cells.sizes();
    int[] kept = new int[sizes.length];
    Arrays.fill(kept, -1);
    int nonEmpty = 0;
    for (int c = 0; c < sizes.length; c++) {
      if (sizes[c] > 0) {
        kept[c] = nonEmpty++;
      }
    }
    double[] coordinates = new double[nonEmpty * points.dim()];
    double[] weights = new double[nonEmpty];
    Points centres = cells.centroids();
    for (int c = 0; c < sizes.length; c++) {
      if (kept[c] >= 0) {
        System.arraycopy(centres.point(c), 0, coordinates, kept[c] * points.dim(), points.dim());
        weights[kept[c]] = sizes[c];
      }
    }
    int[] centreLabels =
        WardLinkage.fit(new Points(coordinates, nonEmpty, points.dim()), weights)
            .cut(Math.min(clusters, nonEmpty));
    int[] assignments = cells.assignments();
    int[] labels = new int[points.count()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = centreLabels[kept[assignments[i]]];
    }
    return new Result(Clustering.canonical(labels), WardMode.APPROX, nonEmpty);
  }
}
