package io.latentquery.sampling.cluster;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.neighbors.KdTree;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Seeded mini-batch k-means (Sculley 2010, "Web-scale k-means clustering", as scikit-learn's
 * MiniBatchKMeans runs it): k-means++ starts on a seeded sample of the points ({@link
 * KMeans#plusPlus}), the start with the lowest inertia on a seeded validation sample kept, then
 * batches drawn with replacement, each point pulling its nearest centre towards it with the
 * per-centre learning rate 1 / (points that centre has seen). The run stops after {@link
 * MiniBatchSettings#maxBatches} batches, or earlier when the smoothed batch inertia (an
 * exponentially weighted average over about two epochs' worth of batches, as scikit-learn smooths
 * it) has not reached a new low for {@link #PATIENCE} batches in a row. One final pass then gives
 * every point its nearest centre, so the assignments and inertia cover the whole pool.
 *
 * <p>It costs O(batches * batch * log k) for the batches and O(N log k) for the final pass (nearest
 * centres through a k-d tree), against full Lloyd's O(iterations * N * log k): on a million points
 * it is seconds rather than a minute, at an objective within a few percent of Lloyd's. The same
 * points, settings and seed give the same result. A centre that no batch point chose keeps its
 * start, and its cluster may end empty.
 */
public final class MiniBatchKMeans {
  /** Batches without a new low of the smoothed inertia before the run stops (scikit-learn's 10). */
  public static final int PATIENCE = 10;

  private static final int VALIDATION_BATCHES = 3;
  private static final int TREE_FROM_CLUSTERS = 16;
  private static final int PASS_BLOCK = 1 << 14;

  private final Points points;
  private final int n;
  private final int dim;
  private final int k;

  private MiniBatchKMeans(Points points, int k) {
    this.points = points;
    this.n = points.count();
    this.dim = points.dim();
    this.k = k;
  }

  public static KMeansResult fit(Points points, MiniBatchSettings settings, long seed) {
    KMeans.requireEnoughPoints(points, settings.clusters());
    return new MiniBatchKMeans(points, settings.clusters()).run(settings, seed);
  }

  private KMeansResult run(MiniBatchSettings settings, long seed) {
    SplittableRandom root = new SplittableRandom(seed);
    int batch = Math.min(settings.batchSize(), n);
    int[] validation = draw(root.split(), Math.min(n, VALIDATION_BATCHES * batch));
    double[] centroids = null;
    double bestInertia = Double.POSITIVE_INFINITY;
    for (int start = 0; start < settings.starts(); start++) {
      double[] candidate = KMeans.plusPlus(points, k, root.split());
      double inertia = new Nearest(candidate).inertia(validation);
      if (centroids == null || inertia < bestInertia) {
        centroids = candidate;
        bestInertia = inertia;
      }
    }
    double[] centres = centroids;
    int batches = refine(centres, batch, settings.maxBatches(), root.split());
    int[] assignments = new int[n];
    double[] distances = new double[n];
    Nearest nearest = new Nearest(centres);
    IntStream.range(0, (n + PASS_BLOCK - 1) / PASS_BLOCK)
        .parallel()
        .forEach(
            block -> {
              double[] p = new double[dim];
              for (int i = block * PASS_BLOCK; i < Math.min(n, (block + 1) * PASS_BLOCK); i++) {
                points.copyPoint(i, p);
                assignments[i] = nearest.of(p);
                distances[i] = squaredDistance(p, centres, assignments[i]);
              }
            });
    int[] sizes = new int[k];
    double inertia = 0;
    for (int i = 0; i < n; i++) {
      sizes[assignments[i]]++;
      inertia += distances[i];
    }
    return new KMeansResult(new Points(centres, k, dim), assignments, sizes, inertia, batches);
  }

  /** Runs the batches, moving {@code centroids} in place; returns how many ran. */
  private int refine(double[] centroids, int batch, int maxBatches, SplittableRandom rng) {
    double[] seen = new double[k];
    double[] sums = new double[k * dim];
    int[] counts = new int[k];
    double[] p = new double[dim];
    double alpha = Math.min(1.0, 2.0 * batch / (n + 1.0));
    double smoothed = Double.NaN;
    double lowest = Double.POSITIVE_INFINITY;
    int withoutImprovement = 0;
    int step = 0;
    while (step < maxBatches) {
      step++;
      Arrays.fill(sums, 0);
      Arrays.fill(counts, 0);
      Nearest nearest = new Nearest(centroids);
      double inertia = 0;
      for (int b = 0; b < batch; b++) {
        points.copyPoint(rng.nextInt(n), p);
        int c = nearest.of(p);
        inertia += squaredDistance(p, centroids, c);
        counts[c]++;
        for (int x = 0; x < dim; x++) {
          sums[c * dim + x] += p[x];
        }
      }
      for (int c = 0; c < k; c++) {
        if (counts[c] == 0) {
          continue;
        }
        seen[c] += counts[c];
        for (int x = 0; x < dim; x++) {
          int at = c * dim + x;
          centroids[at] += (sums[at] - counts[c] * centroids[at]) / seen[c];
        }
      }
      inertia /= batch;
      smoothed = step == 1 ? inertia : smoothed * (1 - alpha) + inertia * alpha;
      if (smoothed < lowest) {
        lowest = smoothed;
        withoutImprovement = 0;
      } else if (++withoutImprovement >= PATIENCE) {
        break;
      }
    }
    return step;
  }

  /** {@code size} seeded point indices drawn with replacement. */
  private int[] draw(SplittableRandom rng, int size) {
    int[] out = new int[size];
    for (int i = 0; i < size; i++) {
      out[i] = rng.nextInt(n);
    }
    return out;
  }

  private double squaredDistance(double[] p, double[] centroids, int c) {
    double sum = 0;
    for (int x = 0; x < dim; x++) {
      double diff = p[x] - centroids[c * dim + x];
      sum += diff * diff;
    }
    return sum;
  }

  /** The nearest centre of a point: a k-d tree over many centres, a scan over a few. */
  private final class Nearest {
    private final double[] centroids;
    private final KdTree tree;

    Nearest(double[] centroids) {
      this.centroids = centroids;
      this.tree = k >= TREE_FROM_CLUSTERS ? new KdTree(new Points(centroids, k, dim)) : null;
    }

    int of(double[] p) {
      if (tree != null) {
        return tree.nearest(p, Double.POSITIVE_INFINITY, false).index();
      }
      int best = 0;
      double bestDistance = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double d = squaredDistance(p, centroids, c);
        if (d < bestDistance) {
          bestDistance = d;
          best = c;
        }
      }
      return best;
    }

    double inertia(int[] indices) {
      double[] p = new double[dim];
      double sum = 0;
      for (int i : indices) {
        points.copyPoint(i, p);
        sum += squaredDistance(p, centroids, of(p));
      }
      return sum;
    }
  }
}
