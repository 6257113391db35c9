package io.latentquery.sampling.strategy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The first m entries of a partial Fisher-Yates shuffle of the slots 0..count-1: slot k swaps with
 * a slot drawn uniformly from k..count-1. Only the swapped slots are stored, so a pool of a billion
 * needs memory for m entries, not for the pool, and a driver that sees only the pool's size draws
 * exactly what a shuffle of an array would.
 */
public final class PartialShuffle {
  private PartialShuffle() {}

  /**
   * The slots that end in positions 0..m-1, in that order.
   *
   * @param count the number of slots, at least m
   * @param m how many to draw
   * @param rng the generator; it advances by m draws
   */
  public static int[] first(int count, int m, SplittableRandom rng) {
    if (m < 0 || m > count) {
      throw new IllegalArgumentException("cannot draw " + m + " of " + count + " slots");
    }
    Map<Integer, Integer> moved = new HashMap<>();
    int[] out = new int[m];
    for (int k = 0; k < m; k++) {
      int j = k + rng.nextInt(count - k);
      int atJ = moved.getOrDefault(j, j);
      int atK = moved.getOrDefault(k, k);
      moved.put(j, atK);
      out[k] = atJ;
    }
    return out;
  }

  /**
   * The pool index of slot {@code slot} when the slots number the pool's indices 0..poolSize-1 that
   * are not in {@code excluded}, in ascending order.
   *
   * @param excluded distinct indices, ascending
   */
  public static int unexcluded(int slot, int[] excluded) {
    int index = slot;
    int lo = 0;
    while (true) {
      int passed = upperBound(excluded, index);
      if (passed == lo) {
        return index;
      }
      index += passed - lo;
      lo = passed;
    }
  }

  /** The number of entries of ascending {@code values} that are at most {@code key}. */
  private static int upperBound(int[] values, int key) {
    int at = Arrays.binarySearch(values, key);
    if (at < 0) {
      return -at - 1;
    }
    while (at + 1 < values.length && values[at + 1] == key) {
      at++;
    }
    return at + 1;
  }
}
