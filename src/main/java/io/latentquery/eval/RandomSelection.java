package io.latentquery.eval;

import io.latentquery.SettingException;
import java.util.SplittableRandom;

/** The baseline: {@code n} distinct pool indices drawn uniformly at random, seeded. */
public final class RandomSelection {
  private RandomSelection() {}

  public static int[] draw(int poolSize, int n, long seed) {
    if (n < 1 || n > poolSize) {
      throw new SettingException(
          "n", "random selection size", "must be in 1.." + poolSize + ", got " + n);
    }
    int[] indices = new int[poolSize];
    for (int i = 0; i < poolSize; i++) {
      indices[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      int j = i + random.nextInt(poolSize - i);
      int t = indices[i];
      indices[i] = indices[j];
      indices[j] = t;
    }
    return java.util.Arrays.copyOf(indices, n);
  }
}
