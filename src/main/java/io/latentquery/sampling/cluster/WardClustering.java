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
    return exactInAuto(points.count(), points.dim());
  }

  /** Whether {@code auto} clusters {@code count} points in R^dim exactly. */
  public static boolean exactInAuto(int count, int dim) {
    return count <= AUTO_EXACT_LIMIT_ANY_DIM
        || (count <= AUTO_EXACT_LIMIT && dim <= AUTO_EXACT_MAX_DIM);
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
    WardMode used = resolve(mode, points.count(), points.dim(), centroids);
    if (used == WardMode.EXACT) {
      return new Result(
          Clustering.canonical(WardLinkage.fit(points).cut(clusters)), WardMode.EXACT, 0);
    }
    KMeansResult cells = KMeans.fit(points, new KMeansSettings(centroids, 1, 10, 1e-4), seed);
    int[] cellLabels = cellClusters(cells.centroids(), cells.sizes(), clusters);
    int[] assignments = cells.assignments();
    int[] labels = new int[points.count()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = cellLabels[assignments[i]];
    }
    int nonEmpty = (int) Arrays.stream(cells.sizes()).filter(size -> size > 0).count();
    return new Result(Clustering.canonical(labels), WardMode.APPROX, nonEmpty);
  }

  /**
   * The mode {@code mode} comes to for {@code count} points in R^dim: exact when asked, when {@code
   * centroids} would hold every point, or under {@code auto} for a pool {@link #exactInAuto}
   * clusters exactly; approx otherwise.
   */
  public static WardMode resolve(WardMode mode, int count, int dim, int centroids) {
    if (mode == WardMode.EXACT || centroids >= count) {
      return WardMode.EXACT;
    }
    return mode == WardMode.AUTO && exactInAuto(count, dim) ? WardMode.EXACT : WardMode.APPROX;
  }

  /**
   * Ward on k-means cells: the cells' centres weighted by their sizes, cut into {@code clusters}
   * (or as many as there are non-empty cells, if fewer). Returns the Ward cluster of each cell, -1
   * for an empty one; the numbering is Ward's own, not yet the canonical one of {@link Clustering}.
   *
   * @param centres one centre per cell
   * @param sizes the points in each cell
   */
  public static int[] cellClusters(Points centres, int[] sizes, int clusters) {
    int dim = centres.dim();
    int[] kept = new int[sizes.length];
    Arrays.fill(kept, -1);
    int nonEmpty = 0;
    for (int c = 0; c < sizes.length; c++) {
      if (sizes[c] > 0) {
        kept[c] = nonEmpty++;
      }
    }
    if (nonEmpty == 0) {
      throw new IllegalArgumentException("every k-means cell is empty");
    }
    double[] coordinates = new double[nonEmpty * dim];
    double[] weights = new double[nonEmpty];
    for (int c = 0; c < sizes.length; c++) {
      if (kept[c] >= 0) {
        System.arraycopy(centres.point(c), 0, coordinates, kept[c] * dim, dim);
        weights[kept[c]] = sizes[c];
      }
    }
    int[] ward =
        WardLinkage.fit(new Points(coordinates, nonEmpty, dim), weights)
            .cut(Math.min(clusters, nonEmpty));
    int[] out = new int[sizes.length];
    for (int c = 0; c < sizes.length; c++) {
      out[c] = kept[c] >= 0 ? ward[kept[c]] : -1;
    }
    return out;
  }
}
