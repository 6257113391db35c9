package io.latentquery.sampling.strategy;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.SelectionStrategy;
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
    boolean[] taken = new boolean[points.count()];
    for (int i : request.alreadySelected()) {
      taken[i] = true;
    }
    int[] candidates = new int[points.count()];
    int count = 0;
    for (int i = 0; i < points.count(); i++) {
      if (!taken[i]) {
        candidates[count++] = i;
      }
    }
    SplittableRandom rng = new SplittableRandom(request.seed());
    int[] chosen = new int[request.budget()];
    for (int k = 0; k < chosen.length; k++) {
      int j = k + rng.nextInt(count - k);
      int t = candidates[k];
      candidates[k] = candidates[j];
      candidates[j] = t;
      chosen[k] = candidates[k];
    }
    return Selection.of(chosen, Map.of("strategy", name()));
  }
}
