package io.latentquery.sampling;

import io.latentquery.SettingException;
import java.util.Arrays;

/**
 * What a strategy is asked for: how many new points, with which seed, and which points count as
 * already selected (labeled in an earlier round; never selected again, but they cover their
 * neighbourhood).
 *
 * @param budget the number of new points to select, at least 1
 * @param seed the random seed; the same request on the same points gives the same selection
 * @param alreadySelected indices of points already labeled (may be empty)
 */
public record SelectionRequest(int budget, long seed, int[] alreadySelected) {
  public SelectionRequest {
    if (budget < 1) {
      throw new SettingException("budget", "budget n", "must be >= 1, got " + budget);
    }
    alreadySelected = alreadySelected == null ? new int[0] : alreadySelected.clone();
    Arrays.sort(alreadySelected);
  }

  public static SelectionRequest of(int budget, long seed) {
    return new SelectionRequest(budget, seed, new int[0]);
  }

  /** Checks the request against a pool of {@code poolSize} points. */
  public void checkAgainst(int poolSize) {
    for (int index : alreadySelected) {
      if (index < 0 || index >= poolSize) {
        throw new IllegalArgumentException(
            "already-selected index " + index + " is outside the pool of " + poolSize);
      }
    }
    int available = poolSize - (int) Arrays.stream(alreadySelected).distinct().count();
    if (budget > available) {
      throw new SettingException(
          "budget",
          "budget n =",
          budget + " is larger than the " + available + " selectable pool examples");
    }
  }
}
