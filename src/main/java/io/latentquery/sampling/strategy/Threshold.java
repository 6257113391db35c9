package io.latentquery.sampling.strategy;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.distribution.LatentDistribution;
import io.latentquery.sampling.neighbors.KdTree;
import io.latentquery.sampling.neighbors.Neighbor;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The default threshold t, scaled to the data: the median, over up to {@value #SAMPLE} points
 * chosen with the run's seed, of the distance from a point to its {@value #NEIGHBOR}th nearest
 * other point. A ball of that radius around a typical point holds about ten points, so a draw that
 * lands among the data almost always finds an unselected point while a draw in an empty region of
 * the latent space (where a uniform box puts many) finds none and is redrawn, which keeps
 * selections on the data instead of on its outskirts.
 */
public final class Threshold {
  /** Which neighbour's distance sets the scale. */
  public static final int NEIGHBOR = 10;

  /** Points sampled to estimate the median. */
  public static final int SAMPLE = 1000;

  /** The rule in words, for --help and the selection record. */
  public static final String RULE =
      "median distance from a point to its "
          + NEIGHBOR
          + "th nearest neighbour over up to "
          + SAMPLE
          + " points sampled with the seed";

  private Threshold() {}

  /**
   * The default threshold of {@code points}, measured in {@code tree}'s metric ({@code tree}
   * indexes {@code points}; removals are ignored).
   */
  public static double fromData(Points points, KdTree tree, long seed) {
    int n = points.count();
    if (n < 2) {
      return Double.MIN_VALUE;
    }
    int k = neighbors(n);
    int[] sample = sampled(n, seed);
    double[] distances = new double[sample.length];
    double[] p = new double[points.dim()];
    for (int s = 0; s < sample.length; s++) {
      points.copyPoint(sample[s], p);
      List<Neighbor> near = tree.kNearest(p, k + 1, false);
      distances[s] = near.get(near.size() - 1).distance();
    }
    return fromDistances(distances);
  }

  /** k, the neighbour whose distance sets the scale in a pool of n >= 2 points. */
  public static int neighbors(int n) {
    return Math.min(NEIGHBOR, n - 1);
  }

  /**
   * The pool indices whose neighbour distances set the threshold, ascending: up to {@value #SAMPLE}
   * of the n, chosen with {@code seed}. A distributed run measures the same points.
   */
  public static int[] sampled(int n, long seed) {
    int[] out =
        PartialShuffle.first(n, Math.min(SAMPLE, n), new SplittableRandom(seed ^ 0x5DEECE66DL));
    Arrays.sort(out);
    return out;
  }

  /**
   * The threshold from the distance of each {@linkplain #sampled sampled} point to its k-th nearest
   * other point ({@code k + 1} nearest counting itself): their median, or the largest when the
   * median is 0 (many duplicates), or the smallest positive double when all are 0.
   */
  public static double fromDistances(double[] kthDistances) {
    double[] distances = kthDistances.clone();
    int m = distances.length;
    Arrays.sort(distances);
    double median = m % 2 == 1 ? distances[m / 2] : (distances[m / 2 - 1] + distances[m / 2]) / 2;
    if (median > 0) {
      return median;
    }
    double largest = distances[m - 1];
    return largest > 0 ? largest : Double.MIN_VALUE;
  }

  /**
   * A threshold that would let draws hit: the median distance from 200 draws of {@code f} to the
   * nearest point still unselected, at least twice {@code current}, rounded up to three significant
   * digits.
   */
  public static double suggest(
      KdTree tree, LatentDistribution f, RandomGenerator rng, double current) {
    double[] z = new double[f.dim()];
    double[] distances = new double[200];
    int found = 0;
    for (int i = 0; i < distances.length; i++) {
      f.sample(rng, z);
      Neighbor nearest = tree.nearest(z, Double.POSITIVE_INFINITY, true);
      if (nearest != null) {
        distances[found++] = nearest.distance();
      }
    }
    double median = 0;
    if (found > 0) {
      Arrays.sort(distances, 0, found);
      median = distances[found / 2];
    }
    double value = Math.max(median, 2 * current);
    return new BigDecimal(value).round(new MathContext(3, RoundingMode.UP)).doubleValue();
  }
}
