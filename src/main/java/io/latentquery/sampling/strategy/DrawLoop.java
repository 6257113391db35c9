package io.latentquery.sampling.strategy;

import io.latentquery.InputException;
import io.latentquery.sampling.distribution.LatentDistribution;
import io.latentquery.sampling.neighbors.KdTree;
import io.latentquery.sampling.neighbors.Neighbor;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The core loop of the distribution-based strategies: draw z ~ f, take the unselected point(s)
 * within the threshold of z, repeat until the quota is met. A run of {@code maxMisses} consecutive
 * draws that take nothing stops with an {@link InputException} that suggests a threshold computed
 * from the data, so the loop always ends.
 */
public final class DrawLoop {
  /** One point taken, with the draw that took it (null if none) and its distance to it. */
  public record Pick(int index, double distance, double[] draw) {}

  /** t, what a draw takes, and the miss limit. */
  public record Config(double threshold, TakeMode take, int maxMisses) {}

  private final KdTree tree;
  private final LatentDistribution distribution;
  private final Config config;
  private long draws;

  /**
   * @param tree the candidates; points already selected must be removed from it
   */
  DrawLoop(KdTree tree, LatentDistribution distribution, Config config) {
    this.tree = tree;
    this.distribution = distribution;
    this.config = config;
  }

  /** Draws until {@code quota} points are taken (they are removed from the tree). */
  List<Pick> take(int quota, RandomGenerator rng, String where) {
    if (quota > tree.aliveCount()) {
      throw new IllegalArgumentException(
          where
              + ": a quota of "
              + quota
              + " exceeds the "
              + tree.aliveCount()
              + " unselected points");
    }
    DrawResolver resolver = new DrawResolver(config.take(), quota);
    double[] z = new double[distribution.dim()];
    while (!resolver.done()) {
      distribution.sample(rng, z);
      draws++;
      List<Neighbor> candidates;
      if (config.take() == TakeMode.NEAREST) {
        Neighbor nearest = tree.nearest(z, config.threshold(), true);
        candidates = nearest == null ? List.of() : List.of(nearest);
      } else {
        candidates = tree.withinRadius(z, config.threshold(), true);
      }
      for (Pick pick : resolver.resolve(z, candidates)) {
        tree.remove(pick.index());
      }
      if (resolver.misses() >= config.maxMisses()) {
        double suggestion = Threshold.suggest(tree, distribution, rng, config.threshold());
        throw new InputException(
            stalled(where, resolver, config)
                + "; try --threshold "
                + suggestion
                + " (the median distance from a draw to the nearest unselected point) or a larger --max-misses");
      }
    }
    return resolver.picks();
  }

  /** The first part of the message when draws stop taking points. */
  public static String stalled(String where, DrawResolver resolver, Config config) {
    return where
        + ": stopped after "
        + resolver.misses()
        + " draws in a row found no unselected point within threshold "
        + (float) config.threshold()
        + " ("
        + resolver.picks().size()
        + " of "
        + (resolver.picks().size() + resolver.remaining())
        + " taken)";
  }

  long draws() {
    return draws;
  }
}
