package io.latentquery.sampling.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.latentquery.sampling.cluster.Quotas.Rule;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuotasTest {
  @Test
  void proportionalQuotasFollowTheLargestRemainder() {
    // n = 4 over sizes 5, 3, 2 (N = 10): exact shares 2.0, 1.2, 0.8 -> floors 2, 1, 0 and the one
    // left over goes to the largest remainder, 0.8.
    int[] sizes = {5, 3, 2};
    assertArrayEquals(new int[] {2, 1, 1}, Quotas.allocate(sizes, sizes, 4, Rule.PROPORTIONAL));
    // n = 7 over sizes 6, 6, 3 (N = 15): 2.8, 2.8, 1.4 -> floors 2, 2, 1; two left go to the 0.8s.
    int[] others = {6, 6, 3};
    assertArrayEquals(new int[] {3, 3, 1}, Quotas.allocate(others, others, 7, Rule.PROPORTIONAL));
    // Ties on the remainder go to the larger cluster: 1 over sizes 2, 4, 2 -> 0.25, 0.5, 0.25.
    int[] tie = {2, 4, 2};
    assertArrayEquals(new int[] {0, 1, 0}, Quotas.allocate(tie, tie, 1, Rule.PROPORTIONAL));
  }

  @Test
  void equalQuotasGiveTheRemainderToTheLargerClusters() {
    int[] sizes = {10, 30, 20};
    assertArrayEquals(new int[] {2, 3, 3}, Quotas.allocate(sizes, sizes, 8, Rule.EQUAL));
    assertArrayEquals(new int[] {3, 3, 3}, Quotas.allocate(sizes, sizes, 9, Rule.EQUAL));
  }

  @Test
  void aClusterTooSmallGivesAllItHasAndTheOthersShareTheRest() {
    int[] sizes = {2, 50, 48};
    // Equal shares of 30 would be 10 each; cluster 0 has only 2, so 28 are shared by the others.
    assertArrayEquals(new int[] {2, 14, 14}, Quotas.allocate(sizes, sizes, 30, Rule.EQUAL));
    // Capacity below size (points already labeled): proportional 50 over 10/50/40 = 5, 25, 20,
    // but cluster 1 can give only 20: the 30 left go to clusters 0 and 2 in proportion 10:40.
    assertArrayEquals(
        new int[] {6, 20, 24},
        Quotas.allocate(new int[] {10, 50, 40}, new int[] {10, 20, 40}, 50, Rule.PROPORTIONAL));
  }

  @Test
  void quotasAlwaysSumToTheBudgetWithinCapacity() {
    SplittableRandom rng = new SplittableRandom(9);
    for (int round = 0; round < 500; round++) {
      int k = 1 + rng.nextInt(12);
      int[] sizes = new int[k];
      int[] capacity = new int[k];
      for (int c = 0; c < k; c++) {
        sizes[c] = 1 + rng.nextInt(100);
        capacity[c] = rng.nextInt(sizes[c] + 1);
      }
      int available = Arrays.stream(capacity).sum();
      int n = rng.nextInt(available + 1);
      for (Rule rule : Rule.values()) {
        int[] quotas = Quotas.allocate(sizes, capacity, n, rule);
        assertEquals(n, Arrays.stream(quotas).sum());
        for (int c = 0; c < k; c++) {
          assertEquals(true, quotas[c] >= 0 && quotas[c] <= capacity[c], "cluster " + c);
        }
      }
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> Quotas.allocate(new int[] {3}, new int[] {3}, 4, Rule.EQUAL));
  }
}
