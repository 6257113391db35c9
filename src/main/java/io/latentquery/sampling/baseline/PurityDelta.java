package io.latentquery.sampling.baseline;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.cluster.KMeans;
import io.latentquery.sampling.cluster.KMeansResult;
import io.latentquery.sampling.neighbors.KdTree;
import io.latentquery.sampling.neighbors.Neighbor;
import java.util.Arrays;

/**
 * Chooses ProbCover's delta by the {@link PurityRule}, exactly rather than by a grid or bisection.
 * The ball of x is pure at delta when no point of another k-means cluster lies within delta, that
 * is when delta < d(x), the distance from x to the nearest point of another cluster. So
 * purity(delta) = fraction of points with d(x) > delta, a non-increasing step function, and the
 * largest delta keeping purity >= alpha lies just below the ceil(alpha N)-th largest d(x).
 *
 * <p>d(x) comes from one k-d tree per cluster. Because k-means clusters are the Voronoi cells of
 * their centroids, every point of cluster c is at least as far from x as the bisecting hyperplane
 * between x's centroid and c's; clusters are searched in order of that bound and the search
 * stops once the bound exceeds the best distance found, so most points search one or two trees.
 */
public final class PurityDelta {
  /** delta lies this fraction below the boundary distance, so rounding cannot put it back. */
  private static final double MARGIN = 1e-9;

  /**
   * The chosen delta.
   *
   * @param delta the largest delta with purity >= alpha (up to a 1e-9 relative margin)
   * @param purity the purity at delta
   * @param clusters the non-empty k-means clusters used as pseudo-labels
   * @param inertia the k-means inertia
   */
  public record Result(double delta, double purity, int clusters, double inertia) {}

  private PurityDelta() {}

  public static Result choose(Points points, PurityRule rule, long seed) {
    int count = points.count();
    if (rule.clusters() > count) {
      throw new IllegalArgumentException(
          "--purity-clusters " + rule.clusters() + " is more than the " + count + " pool examples");
    }
    KMeansResult fit = KMeans.fit(points, rule.kmeans().settings(rule.clusters()), seed);
    double[] nearestOther = nearestOtherCluster(points, fit);
    int nonEmpty = (int) Arrays.stream(fit.sizes()).filter(s -> s > 0).count();
    if (nonEmpty < 2) {
      throw new IllegalArgumentException(
          "cannot choose delta automatically: k-means found one cluster only (identical encodings?); give --delta");
    }
    double[] sorted = nearestOther.clone();
    Arrays.sort(sorted);
    int pure = (int) Math.ceil(rule.alpha() * count - 1e-9);
    double boundary = sorted[count - pure];
    double delta = boundary * (1 - MARGIN);
    if (!(delta > 0)) {
      throw new IllegalArgumentException(
          "cannot choose delta automatically: at purity alpha = " + rule.alpha()
              + " delta would be 0 (points of different k-means clusters coincide); give --delta or a lower --alpha");
    }
    int pureCount = 0;
    for (double d : nearestOther) {
      pureCount += d > delta ? 1 : 0;
    }
    return new Result(delta, (double) pureCount / count, nonEmpty, fit.inertia());
  }

  /** For every point, the distance to the nearest point of another cluster. */
  static double[] nearestOtherCluster(Points points, KMeansResult fit) {
    int count = points.count();
    int k = fit.sizes().length;
    int[] assignments = fit.assignments();
    int[] sizes = fit.sizes();
    int[][] members = new int[k][];
    for (int c = 0; c < k; c++) {
      members[c] = new int[sizes[c]];
    }
    int[] fill = new int[k];
    for (int i = 0; i < count; i++) {
      members[assignments[i]][fill[assignments[i]]++] = i;
    }
    KdTree[] trees = new KdTree[k];
    for (int c = 0; c < k; c++) {
      trees[c] = sizes[c] == 0 ? null : new KdTree(points.subset(members[c]));
    }
    Points centroids = fit.centroids();
    double[][] centre = new double[k][];
    for (int c = 0; c < k; c++) {
      centre[c] = centroids.point(c);
    }
    double[] result = new double[count];
    double[] x = new double[points.dim()];
    double[] bound = new double[k];
    Integer[] order = new Integer[k];
    for (int i = 0; i < count; i++) {
      points.copyPoint(i, x);
      int own = assignments[i];
      double ownSq = squared(x, centre[own]);
      for (int c = 0; c < k; c++) {
        order[c] = c;
        double gap = Math.sqrt(squared(centre[own], centre[c]));
        bound[c] = gap > 0 ? Math.max(0, (squared(x, centre[c]) - ownSq) / (2 * gap)) : 0;
      }
      Arrays.sort(order, (a, b) -> Double.compare(bound[a], bound[b]));
      double best = Double.POSITIVE_INFINITY;
      for (int c : order) {
        if (c == own || trees[c] == null) {
          continue;
        }
        if (bound[c] > best) {
          break;
        }
        Neighbor nearest = trees[c].nearest(x, best, false);
        if (nearest != null && nearest.distance() < best) {
          best = nearest.distance();
        }
      }
      result[i] = best;
    }
    return result;
  }

  private static double squared(double[] a, double[] b) {
    double sum = 0;
    for (int d = 0; d < a.length; d++) {
      double diff = a[d] - b[d];
      sum += diff * diff;
    }
    return sum;
  }
}
