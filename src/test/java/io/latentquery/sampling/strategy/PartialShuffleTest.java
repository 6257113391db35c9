package io.latentquery.sampling.strategy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PartialShuffleTest {
  /** The reference: a Fisher-Yates shuffle of a whole array, stopped after m swaps. */
  private static int[] shuffleArray(int count, int m, long seed) {
    int[] all = IntStream.range(0, count).toArray();
    SplittableRandom rng = new SplittableRandom(seed);
    for (int k = 0; k < m; k++) {
      int j = k + rng.nextInt(count - k);
      int t = all[k];
      all[k] = all[j];
      all[j] = t;
    }
    return Arrays.copyOf(all, m);
  }

  @Test
  void drawsWhatAShuffledArrayHolds() {
    for (long seed = 0; seed < 20; seed++) {
      for (int[] size : new int[][] {{1, 1}, {10, 10}, {50, 7}, {1000, 999}}) {
        assertArrayEquals(
            shuffleArray(size[0], size[1], seed),
            PartialShuffle.first(size[0], size[1], new SplittableRandom(seed)));
      }
    }
  }

  @Test
  void slotsSkipTheExcludedIndices() {
    int[] excluded = {0, 3, 4, 9};
    int[] expected = {1, 2, 5, 6, 7, 8, 10, 11};
    for (int slot = 0; slot < expected.length; slot++) {
      assertEquals(expected[slot], PartialShuffle.unexcluded(slot, excluded));
    }
  }
}
