package io.latentquery.train;

import io.latentquery.data.Shuffle;
import java.util.SplittableRandom;

/**
 * Random streams derived from the run's seed and a position in the run, never from earlier draws: a
 * run resumed after epoch k draws exactly what an uninterrupted run draws from epoch k+1 on.
 */
public final class Seeds {
  private Seeds() {}

  /** The order in which epoch {@code epoch} (1-based) visits {@code size} examples. */
  public static int[] epochOrder(long seed, int epoch, int size) {
    return Shuffle.permutation(size, new SplittableRandom(mix(seed, 0x5eed_0001L, epoch)));
  }

  /** The generator for per-batch feeds (noise, dropout masks) of one step. */
  public static SplittableRandom step(long seed, int epoch, int step) {
    return new SplittableRandom(mix(seed, epoch, step));
  }

  private static long mix(long seed, long a, long b) {
    long h = seed * 0x9E3779B97F4A7C15L + a;
    h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L + b;
    h = (h ^ (h >>> 29)) * 0x94D049BB133111EBL;
    return h ^ (h >>> 32);
  }
}
