package io.latentquery.data;

import java.util.SplittableRandom;

/** Seeded Fisher-Yates shuffles, the one place every seeded visiting order is made. */
public final class Shuffle {
  private Shuffle() {}

  /** A uniformly random permutation of 0..size-1 drawn from {@code random}. */
  public static int[] permutation(int size, SplittableRandom random) {
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    shuffleInPlace(order, random);
    return order;
  }

  /** Shuffles {@code values} in place. */
  public static void shuffleInPlace(int[] values, SplittableRandom random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }
}
