package io.latentquery.sampling.baseline;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.cluster.KMeans;
import io.latentquery.sampling.cluster.KMeansResult;
import io.latentquery.sampling.neighbors.KdTree;
import io.latentquery.sampling.neighbors.Neighbor;
import java.util.Arrays;
import java.util.Collections;
import java.util.PriorityQueue;

/**
 * Chooses ProbCover's delta by the {@link PurityRule}, exactly rather than by a grid or bisection.
 * The ball of x is pure at delta when no point of another k-means cluster lies within delta, that
 * is when delta < d(x), the distance from x to the nearest point of another cluster. So
 * purity(delta) = fraction of points with d(x) > delta, a non-increasing step function, and the
 * largest delta keeping purity >= alpha lies just below the ceil(alpha N)-th largest d(x).
 *
 * <p>d(x) comes from one k-d tree per cluster. Because k-means clusters are the Voronoi cells of
 * their centroids, every point of cluster c is at least as far from x as the bisecting hyperplane
 * between x's centroid and c's. That bound orders the trees searched for one point and stops the
 * search, and it orders the points: only points whose bound is below the quantile being sought are
 * searched at all, each within that quantile (see {@link Boundary#smallest}).
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
    int nonEmpty = (int) Arrays.stream(fit.sizes()).filter(s -> s > 0).count();
    if (nonEmpty < 2) {
      throw new IllegalArgumentException(
          "cannot choose delta automatically: k-means found one cluster only (identical encodings?); give --delta");
    }
    int pure = (int) Math.ceil(rule.alpha() * count - 1e-9);
    Boundary boundary = new Boundary(points, fit);
    double threshold = boundary.smallest(count - pure);
    double delta = threshold * (1 - MARGIN);
    if (!(delta > 0)) {
      throw new IllegalArgumentException(
          "cannot choose delta automatically: at purity alpha = "
              + rule.alpha()
              + " delta would be 0 (points of different k-means clusters coincide); give --delta or a lower --alpha");
    }
    return new Result(delta, (double) boundary.countAbove(delta) / count, nonEmpty, fit.inertia());
  }

  /**
   * The distances d(x) from points to the nearest point of another k-means cluster, computed only
   * where they can matter for one order statistic.
   */
  static final class Boundary {
    private final Points points;
    private final int[] assignments;
    private final double[][] centre;
    private final KdTree[] trees;
    private final double[] lowerBound;
    private final double[] known;
    private double limit = Double.POSITIVE_INFINITY;

    Boundary(Points points, KMeansResult fit) {
      this.points = points;
      this.assignments = fit.assignments();
      int count = points.count();
      int k = fit.sizes().length;
      int[] sizes = fit.sizes();
      int[][] members = new int[k][];
      for (int c = 0; c < k; c++) {
        members[c] = new int[sizes[c]];
      }
      int[] fill = new int[k];
      for (int i = 0; i < count; i++) {
        members[assignments[i]][fill[assignments[i]]++] = i;
      }
      this.trees = new KdTree[k];
      this.centre = new double[k][];
      for (int c = 0; c < k; c++) {
        trees[c] = sizes[c] == 0 ? null : new KdTree(points.subset(members[c]));
        centre[c] = fit.centroids().point(c);
      }
      this.lowerBound = new double[count];
      double[] x = new double[points.dim()];
      double[] bounds = new double[k];
      for (int i = 0; i < count; i++) {
        points.copyPoint(i, x);
        hyperplaneBounds(x, assignments[i], bounds);
        double min = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
          if (c != assignments[i] && trees[c] != null) {
            min = Math.min(min, bounds[c]);
          }
        }
        lowerBound[i] = min;
      }
      this.known = new double[count];
      Arrays.fill(known, Double.NaN);
    }

    /**
     * The (rank + 1)-th smallest d(x), exactly. Points are visited in increasing order of their
     * hyperplane lower bound, each search limited to the current (rank + 1)-th smallest distance,
     * and the visit stops once a lower bound reaches it: no later point can come below.
     */
    double smallest(int rank) {
      int count = points.count();
      Integer[] order = new Integer[count];
      for (int i = 0; i < count; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Double.compare(lowerBound[a], lowerBound[b]));
      PriorityQueue<Double> lowest = new PriorityQueue<>(rank + 1, Collections.reverseOrder());
      double[] x = new double[points.dim()];
      double[] bounds = new double[centre.length];
      for (int i : order) {
        double cap = lowest.size() == rank + 1 ? lowest.peek() : Double.POSITIVE_INFINITY;
        if (lowerBound[i] >= cap) {
          limit = cap;
          break;
        }
        points.copyPoint(i, x);
        double d = nearestOther(x, assignments[i], cap, bounds);
        known[i] = d;
        if (d < cap) {
          lowest.add(d);
          if (lowest.size() > rank + 1) {
            lowest.poll();
          }
        }
      }
      double result = lowest.size() == rank + 1 ? lowest.peek() : Double.POSITIVE_INFINITY;
      limit = Math.min(limit, result);
      return result;
    }

    /**
     * Points with d(x) > delta, for delta below the value {@link #smallest} returned: unvisited
     * points and searches that found nothing within their limit are all beyond it.
     */
    int countAbove(double delta) {
      if (!(delta < limit)) {
        throw new IllegalStateException(
            "delta " + delta + " is not below the searched limit " + limit);
      }
      int above = 0;
      for (double d : known) {
        above += Double.isNaN(d) || d > delta ? 1 : 0;
      }
      return above;
    }

    /**
     * d(x) if it is at most {@code cap}, else +infinity; clusters by increasing hyperplane bound.
     */
    private double nearestOther(double[] x, int own, double cap, double[] bounds) {
      int k = centre.length;
      hyperplaneBounds(x, own, bounds);
      Integer[] clusters = new Integer[k];
      for (int c = 0; c < k; c++) {
        clusters[c] = c;
      }
      Arrays.sort(clusters, (a, b) -> Double.compare(bounds[a], bounds[b]));
      double best = Double.POSITIVE_INFINITY;
      for (int c : clusters) {
        if (c == own || trees[c] == null) {
          continue;
        }
        double radius = Math.min(best, cap);
        if (bounds[c] > radius) {
          break;
        }
        Neighbor nearest = trees[c].nearest(x, radius, false);
        if (nearest != null && nearest.distance() < best) {
          best = nearest.distance();
        }
      }
      return best;
    }

    /**
     * For each cluster c, the distance from x to the hyperplane bisecting x's centroid and c's: no
     * point of c (a Voronoi cell of the centroids) is nearer to x.
     */
    private void hyperplaneBounds(double[] x, int own, double[] bounds) {
      double ownSq = squared(x, centre[own]);
      for (int c = 0; c < centre.length; c++) {
        double gap = Math.sqrt(squared(centre[own], centre[c]));
        bounds[c] = gap > 0 ? Math.max(0, (squared(x, centre[c]) - ownSq) / (2 * gap)) : 0;
      }
    }
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
