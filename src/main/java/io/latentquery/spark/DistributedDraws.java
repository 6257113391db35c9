package io.latentquery.spark;

import io.latentquery.InputException;
import io.latentquery.sampling.distribution.LatentDistribution;
import io.latentquery.sampling.neighbors.Metric;
import io.latentquery.sampling.neighbors.Neighbor;
import io.latentquery.sampling.strategy.DrawLoop;
import io.latentquery.sampling.strategy.DrawResolver;
import io.latentquery.sampling.strategy.TakeMode;
import io.latentquery.sampling.strategy.Threshold;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Algorithm 1 in rounds: the driver makes a round's draws with the run's seeded generator, every
 * partition returns each draw's nearest points within t that are not yet taken, and the driver
 * resolves the draws in order with the single-machine {@link DrawResolver}. A draw needs at most as
 * many candidates as points taken before it in its round, plus one (all remaining ones when it
 * takes all within t), so the rounds take exactly the points the sequential loop takes.
 */
final class DistributedDraws {
  /** Draws per round at most; a round is one pass over the cached blocks. */
  static final int MAX_ROUND = 1 << 16;

  private final SparkPool pool;
  private final JavaRDD<PointBlock> blocks;
  private final Metric metric;
  private final int[] excluded;
  private int rounds;
  private long drawsResolved;

  DistributedDraws(SparkPool pool, Metric metric) {
    this(pool, pool.blocks(), metric);
  }

  /**
   * Draws answered by the points of {@code blocks} only: one cluster's blocks restrict the draws to
   * that cluster.
   */
  DistributedDraws(SparkPool pool, JavaRDD<PointBlock> blocks, Metric metric) {
    this(pool, blocks, metric, new int[0]);
  }

  /**
   * Draws answered by the points of {@code blocks} but those of {@code excluded} (pool indices,
   * labeled already), which are never taken, as if taken before the first draw.
   */
  DistributedDraws(SparkPool pool, JavaRDD<PointBlock> blocks, Metric metric, int[] excluded) {
    this.pool = pool;
    this.blocks = blocks;
    this.metric = metric;
    this.excluded = excluded.clone();
  }

  /**
   * The default threshold of the pool ({@link Threshold#fromData}), from one pass; the blocks must
   * hold the whole pool (split by cluster or not).
   */
  double threshold(long seed) {
    int n = pool.count();
    if (n < 2) {
      return Double.MIN_VALUE;
    }
    int k = Threshold.neighbors(n);
    int[] sampled = Threshold.sampled(n, seed);
    var rows = pool.rowsAt(sampled);
    double[][] queries = new double[sampled.length][];
    for (int s = 0; s < sampled.length; s++) {
      queries[s] = rows.get(sampled[s]).z();
    }
    JavaSparkContext context = JavaSparkContext.fromSparkContext(pool.spark().sparkContext());
    Broadcast<double[][]> shared = context.broadcast(queries);
    Metric m = metric;
    double[][] nearest =
        blocks
            .map(block -> block.nearestDistances(shared.value(), k + 1, m))
            .treeReduce((a, b) -> smallest(a, b, k + 1));
    shared.destroy();
    double[] kth = new double[sampled.length];
    for (int s = 0; s < kth.length; s++) {
      kth[s] = nearest[s][nearest[s].length - 1];
    }
    return Threshold.fromDistances(kth);
  }

  private static double[][] smallest(double[][] a, double[][] b, int k) {
    double[][] out = new double[a.length][];
    for (int q = 0; q < a.length; q++) {
      double[] both = new double[a[q].length + b[q].length];
      System.arraycopy(a[q], 0, both, 0, a[q].length);
      System.arraycopy(b[q], 0, both, a[q].length, b[q].length);
      Arrays.sort(both);
      out[q] = Arrays.copyOf(both, Math.min(k, both.length));
    }
    return out;
  }

  /** The config's quota of points, drawn from {@code f} with {@code seed}, in the order taken. */
  List<DrawLoop.Pick> take(
      int quota, LatentDistribution f, long seed, DrawLoop.Config config, String where) {
    return take(quota, f, new SplittableRandom(seed), config, where);
  }

  /** The config's quota of points, drawn from {@code f} with {@code rng}, in the order taken. */
  List<DrawLoop.Pick> take(
      int quota, LatentDistribution f, SplittableRandom rng, DrawLoop.Config config, String where) {
    DrawResolver resolver = new DrawResolver(config.take(), quota);
    JavaSparkContext context = JavaSparkContext.fromSparkContext(pool.spark().sparkContext());
    int round = Math.max(256, Math.min(MAX_ROUND, 2 * quota));
    while (!resolver.done()) {
      double[][] draws = new double[round][f.dim()];
      for (double[] z : draws) {
        f.sample(rng, z);
      }
      int remaining = resolver.remaining();
      int[] caps = new int[round];
      for (int j = 0; j < round; j++) {
        caps[j] = config.take() == TakeMode.NEAREST ? Math.min(j + 1, remaining) : remaining;
      }
      int[] taken =
          IntStream.concat(
                  Arrays.stream(excluded), resolver.picks().stream().mapToInt(DrawLoop.Pick::index))
              .sorted()
              .toArray();
      Broadcast<double[][]> sharedDraws = context.broadcast(draws);
      Broadcast<int[]> sharedTaken = context.broadcast(taken);
      double t = config.threshold();
      Metric m = metric;
      Candidates found =
          blocks
              .map(b -> b.candidates(sharedDraws.value(), caps, t, m, sharedTaken.value()))
              .treeReduce(Candidates::merge);
      sharedDraws.destroy();
      sharedTaken.destroy();
      rounds++;
      long drawsBefore = resolver.draws();
      int takenBefore = quota - remaining;
      for (int j = 0; j < round && !resolver.done(); j++) {
        List<Neighbor> candidates = found.of(j);
        resolver.resolve(draws[j], candidates);
        if (resolver.misses() >= config.maxMisses()) {
          throw new InputException(
              DrawLoop.stalled(where, resolver, config)
                  + "; try a larger --threshold or a larger --max-misses");
        }
      }
      double hits = Math.max(1, (quota - resolver.remaining()) - takenBefore);
      double perDraw = hits / (resolver.draws() - drawsBefore);
      round =
          (int) Math.max(256, Math.min(MAX_ROUND, Math.ceil(1.5 * resolver.remaining() / perDraw)));
    }
    drawsResolved = resolver.draws();
    return new ArrayList<>(resolver.picks());
  }

  /** Draws resolved by the last {@link #take}. */
  long drawsResolved() {
    return drawsResolved;
  }

  /** Passes over the blocks made by every {@link #take} so far. */
  int rounds() {
    return rounds;
  }
}
