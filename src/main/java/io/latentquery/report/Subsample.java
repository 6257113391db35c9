package io.latentquery.report;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Deterministic subsets of a large pool for pictures: the same size, cap, seed and kept indices
 * always give the same subset, so reports of the same run are identical.
 */
public final class Subsample {
  private Subsample() {}

  /**
   * At most {@code max} of the indices 0..n-1 in ascending order: every index in {@code keep} (as
   * many as fit), filled up with a uniform random choice of the others.
   */
  public static int[] indices(int n, int max, long seed, int[] keep) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be >= 1, got " + max);
    }
    if (n <= max) {
      int[] all = new int[n];
      Arrays.setAll(all, i -> i);
      return all;
    }
    boolean[] chosen = new boolean[n];
    int count = 0;
    for (int k : keep) {
      if (k < 0 || k >= n) {
        throw new IllegalArgumentException("kept index " + k + " is outside 0.." + (n - 1));
      }
      if (!chosen[k] && count < max) {
        chosen[k] = true;
        count++;
      }
    }
    int[] rest = new int[n - count];
    int r = 0;
    for (int i = 0; i < n; i++) {
      if (!chosen[i]) {
        rest[r++] = i;
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; count < max; i++, count++) {
      int j = i + random.nextInt(rest.length - i);
      int swap = rest[i];
      rest[i] = rest[j];
      rest[j] = swap;
      chosen[rest[i]] = true;
    }
    int[] out = new int[max];
    int o = 0;
    for (int i = 0; i < n; i++) {
      if (chosen[i]) {
        out[o++] = i;
      }
    }
    return out;
  }
}
