package io.latentquery.sampling.baseline;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.SelectionStrategy;
import io.latentquery.sampling.strategy.StrategyOptions;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * {@code kcenter}: greedy k-center, the farthest-first traversal behind the core-set method of
 * Sener and Savarese (2018). Each pick is the point farthest (Euclidean) from everything selected
 * or labeled so far, which is a 2-approximation of the smallest covering radius. Ties go to the
 * lowest index.
 *
 * <p>With labeled points the traversal continues from them and the seed plays no part. Otherwise it
 * starts from a seeded uniformly random point ({@link KCenterStart#RANDOM}, the default, as the
 * core-set method starts from a random initial pool), so different seeds give different selections,
 * or from the point nearest the mean of Z ({@link KCenterStart#MEAN}, the same for every seed). The
 * selection records whether the seed was used as {@code uses_seed}. Every point keeps its distance
 * to the nearest chosen point, so a pick costs one pass over the pool: O(N (n + m) L) time and O(N)
 * memory in all, never a distance matrix.
 */
public final class KCenterStrategy implements SelectionStrategy {
  private final KCenterStart start;

  public KCenterStrategy(KCenterStart start) {
    this.start = start;
  }

  /** Reads {@code kcenter-start} (random or mean; default random). */
  public static KCenterStrategy fromOptions(StrategyOptions options) {
    return new KCenterStrategy(
        options.choice("kcenter-start", KCenterStart::parse).orElse(KCenterStart.RANDOM));
  }

  @Override
  public String name() {
    return "kcenter";
  }

  @Override
  public Selection select(Points points, SelectionRequest request) {
    boolean[] taken = Labeled.mask(points, request);
    int m = Labeled.count(taken);
    int count = points.count();
    int dim = points.dim();
    double[] z = points.toArray();
    double[] nearest = new double[count];
    Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    int[] indices = new int[request.budget()];
    int next;
    String startedFrom;
    if (m > 0) {
      next = -1;
      for (int j = 0; j < count; j++) {
        if (taken[j]) {
          next = update(z, dim, j, nearest, taken);
        }
      }
      startedFrom = "labeled";
    } else if (start == KCenterStart.MEAN) {
      next = nearestToMean(points, z);
      startedFrom = start.label();
    } else {
      next = new SplittableRandom(request.seed()).nextInt(count);
      startedFrom = start.label();
    }
    for (int k = 0; k < indices.length; k++) {
      indices[k] = next;
      taken[next] = true;
      next = update(z, dim, next, nearest, taken);
    }
    double radius = 0;
    for (double d : nearest) {
      radius = Math.max(radius, d);
    }
    Map<String, Object> parameters = new TreeMap<>();
    parameters.put("strategy", name());
    parameters.put("start", startedFrom);
    parameters.put("start_index", indices[0]);
    parameters.put("uses_seed", m == 0 && start == KCenterStart.RANDOM);
    parameters.put("labeled", m);
    parameters.put("metric", "euclidean");
    parameters.put("covering_radius", Math.sqrt(radius));
    return Selection.of(indices, parameters);
  }

  /**
   * Lowers every point's squared distance to the chosen set by point {@code chosen}; returns the
   * untaken point now farthest from the set (lowest index on ties), or -1 when none is left.
   */
  private static int update(double[] z, int dim, int chosen, double[] nearest, boolean[] taken) {
    int base = chosen * dim;
    int farthest = -1;
    double farthestDistance = -1;
    for (int i = 0, row = 0; i < nearest.length; i++, row += dim) {
      double sum = 0;
      for (int d = 0; d < dim; d++) {
        double diff = z[row + d] - z[base + d];
        sum += diff * diff;
      }
      if (sum < nearest[i]) {
        nearest[i] = sum;
      }
      if (!taken[i] && nearest[i] > farthestDistance) {
        farthestDistance = nearest[i];
        farthest = i;
      }
    }
    return farthest;
  }

  private static int nearestToMean(Points points, double[] z) {
    int dim = points.dim();
    double[] mean = new double[dim];
    for (int i = 0; i < z.length; i++) {
      mean[i % dim] += z[i];
    }
    for (int d = 0; d < dim; d++) {
      mean[d] /= points.count();
    }
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int i = 0; i < points.count(); i++) {
      double d = points.squaredDistance(i, mean);
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    }
    return best;
  }
}
