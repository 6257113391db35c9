package io.latentquery.sampling.cluster;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.neighbors.KdTree;
import io.latentquery.sampling.neighbors.Neighbor;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded k-means on points of any dimension: k-means++ starts, Lloyd iterations, several starts
 * with the lowest inertia kept. The same points, settings and seed give the same result.
 *
 * <p>For large N the k-means++ seeding runs on a seeded sample of the points (20 per cluster, at
 * least 20,000) so it costs O(sample * k) rather than O(N * k), and with many clusters each Lloyd
 * assignment goes through a k-d tree over the centroids, searched only within the distance to the
 * point's current centroid (after the first iterations centroids barely move, so this bound prunes
 * almost everything). A cluster that ends an iteration empty is moved onto the point farthest from
 * its centroid.
 */
public final class KMeans {
  private static final int SEEDING_SAMPLE = 20_000;
  private static final int SAMPLE_PER_CLUSTER = 20;
  private static final int TREE_FROM_CLUSTERS = 16;

  private final Points points;
  private final int n;
  private final int dim;
  private final int k;

  private KMeans(Points points, int k) {
    this.points = points;
    this.n = points.count();
    this.dim = points.dim();
    this.k = k;
  }

  /** Refuses more clusters than points, naming both counts. */
  static void requireEnoughPoints(Points points, int clusters) {
    if (clusters > points.count()) {
      throw new IllegalArgumentException(
          "k-means needs at least as many points as clusters: "
              + points.count()
              + " points, "
              + clusters
              + " clusters");
    }
  }

  public static KMeansResult fit(Points points, KMeansSettings settings, long seed) {
    requireEnoughPoints(points, settings.clusters());
    KMeans kmeans = new KMeans(points, settings.clusters());
    SplittableRandom root = new SplittableRandom(seed);
    KMeansResult best = null;
    for (int start = 0; start < settings.restarts(); start++) {
      KMeansResult result = kmeans.run(root.split(), settings);
      if (best == null || result.inertia() < best.inertia()) {
        best = result;
      }
    }
    return best;
  }

  private KMeansResult run(SplittableRandom rng, KMeansSettings settings) {
    double[] centroids = seed(rng);
    int[] assignments = new int[n];
    Arrays.fill(assignments, -1);
    double[] distances = new double[n];
    double inertia = assign(centroids, assignments, distances);
    int iterations = 0;
    while (iterations < settings.maxIterations()) {
      iterations++;
      update(centroids, assignments, distances);
      double next = assign(centroids, assignments, distances);
      boolean converged = inertia - next <= settings.tolerance() * inertia;
      inertia = next;
      if (converged) {
        break;
      }
    }
    int[] sizes = new int[k];
    for (int a : assignments) {
      sizes[a]++;
    }
    return new KMeansResult(new Points(centroids, k, dim), assignments, sizes, inertia, iterations);
  }

  private double[] seed(SplittableRandom rng) {
    return plusPlus(points, k, rng);
  }

  /**
   * k-means++ starts for {@code k} clusters: each next centroid drawn with probability proportional
   * to D^2, over a seeded sample of the points (20 per cluster, at least 20,000). Returns k * dim
   * coordinates. Shared by {@link KMeans} and {@link MiniBatchKMeans}.
   */
  static double[] plusPlus(Points points, int k, SplittableRandom rng) {
    int dim = points.dim();
    int[] sample = sampleForSeeding(points.count(), k, rng);
    int m = sample.length;
    double[] xs = new double[m * dim];
    double[] row = new double[dim];
    for (int s = 0; s < m; s++) {
      points.copyPoint(sample[s], row);
      System.arraycopy(row, 0, xs, s * dim, dim);
    }
    double[] centroids = new double[k * dim];
    double[] nearest = new double[m];
    Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    int chosen = rng.nextInt(m);
    for (int j = 0; j < k; j++) {
      System.arraycopy(xs, chosen * dim, centroids, j * dim, dim);
      if (j + 1 == k) {
        break;
      }
      double total = 0;
      int c = j * dim;
      for (int s = 0; s < m; s++) {
        double d2 = 0;
        for (int x = 0; x < dim; x++) {
          double diff = xs[s * dim + x] - centroids[c + x];
          d2 += diff * diff;
        }
        if (d2 < nearest[s]) {
          nearest[s] = d2;
        }
        total += nearest[s];
      }
      if (total > 0) {
        double target = rng.nextDouble() * total;
        int pick = m - 1;
        double cumulative = 0;
        for (int s = 0; s < m; s++) {
          cumulative += nearest[s];
          if (cumulative > target) {
            pick = s;
            break;
          }
        }
        chosen = pick;
      } else {
        chosen = rng.nextInt(m);
      }
    }
    return centroids;
  }

  private static int[] sampleForSeeding(int n, int k, SplittableRandom rng) {
    int m = Math.min(n, Math.max(SEEDING_SAMPLE, SAMPLE_PER_CLUSTER * k));
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    if (m == n) {
      return all;
    }
    for (int i = 0; i < m; i++) {
      int j = i + rng.nextInt(n - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    int[] sample = Arrays.copyOf(all, m);
    Arrays.sort(sample);
    return sample;
  }

  /** Assigns every point to its nearest centroid; returns the inertia. */
  private double assign(double[] centroids, int[] assignments, double[] distances) {
    double inertia = 0;
    double[] p = new double[dim];
    if (k >= TREE_FROM_CLUSTERS) {
      KdTree tree = new KdTree(new Points(centroids, k, dim));
      for (int i = 0; i < n; i++) {
        points.copyPoint(i, p);
        double bound = Double.POSITIVE_INFINITY;
        if (assignments[i] >= 0) {
          double own = 0;
          for (int x = 0; x < dim; x++) {
            double diff = p[x] - centroids[assignments[i] * dim + x];
            own += diff * diff;
          }
          bound = Math.sqrt(own);
        }
        Neighbor nearest = tree.nearest(p, bound, false);
        if (nearest == null) {
          nearest = tree.nearest(p, Double.POSITIVE_INFINITY, false);
        }
        assignments[i] = nearest.index();
        distances[i] = nearest.distance() * nearest.distance();
        inertia += distances[i];
      }
      return inertia;
    }
    for (int i = 0; i < n; i++) {
      int best = 0;
      double bestDistance = Double.POSITIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        double d = 0;
        for (int x = 0; x < dim; x++) {
          double diff = points.get(i, x) - centroids[j * dim + x];
          d += diff * diff;
        }
        if (d < bestDistance) {
          bestDistance = d;
          best = j;
        }
      }
      assignments[i] = best;
      distances[i] = bestDistance;
      inertia += bestDistance;
    }
    return inertia;
  }

  /** Moves each centroid to the mean of its points; an empty cluster takes the farthest point. */
  private void update(double[] centroids, int[] assignments, double[] distances) {
    double[] sums = new double[k * dim];
    int[] sizes = new int[k];
    for (int i = 0; i < n; i++) {
      int a = assignments[i];
      sizes[a]++;
      for (int x = 0; x < dim; x++) {
        sums[a * dim + x] += points.get(i, x);
      }
    }
    for (int j = 0; j < k; j++) {
      if (sizes[j] > 0) {
        for (int x = 0; x < dim; x++) {
          centroids[j * dim + x] = sums[j * dim + x] / sizes[j];
        }
        continue;
      }
      int farthest = -1;
      for (int i = 0; i < n; i++) {
        if (sizes[assignments[i]] > 1 && (farthest < 0 || distances[i] > distances[farthest])) {
          farthest = i;
        }
      }
      if (farthest < 0 || distances[farthest] == 0) {
        continue;
      }
      sizes[assignments[farthest]]--;
      assignments[farthest] = j;
      sizes[j] = 1;
      distances[farthest] = 0;
      for (int x = 0; x < dim; x++) {
        centroids[j * dim + x] = points.get(farthest, x);
      }
    }
  }
}
