package io.latentquery.sampling.strategy;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.SelectionStrategy;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/** n distinct unselected pool examples, uniformly at random (a partial Fisher-Yates shuffle). */
public final class RandomStrategy implements SelectionStrategy {
  public static RandomStrategy fromOptions(StrategyOptions options) {
    return new RandomStrategy();
  }

  @Override
  public String name() {
    return "random";
  }

  @Override
  public Selection select(Points points, SelectionRequest request) {
    request.checkAgainst(points.count());
    return Selection.of(
        choose(points.count(), request.alreadySelected(), request.budget(), request.seed()),
        Map.of("strategy", name()));
  }

  /**
   * The pool indices this strategy selects from a pool of {@code poolSize}, knowing only its size:
   * the first {@code budget} slots of a partial shuffle of the unselected indices in ascending
   * order. A distributed run calls this on its driver and gets the same selection.
   *
   * @param alreadySelected indices never selected again, ascending
   */
  public static int[] choose(int poolSize, int[] alreadySelected, int budget, long seed) {
    int[] excluded = Arrays.stream(alreadySelected).distinct().toArray();
    int[] slots =
        PartialShuffle.first(poolSize - excluded.length, budget, new SplittableRandom(seed));
    int[] chosen = new int[budget];
    for (int k = 0; k < budget; k++) {
      chosen[k] = PartialShuffle.unexcluded(slots[k], excluded);
    }
    return chosen;
  }
}
