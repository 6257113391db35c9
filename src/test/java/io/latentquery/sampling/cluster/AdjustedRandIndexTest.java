package io.latentquery.sampling.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The adjusted Rand index against contingency tables worked by hand. */
class AdjustedRandIndexTest {
  @Test
  void theSamePartitionUnderAnotherNumberingScoresOne() {
    assertEquals(1.0, AdjustedRandIndex.of(new int[] {0, 0, 1, 1, 2}, new int[] {5, 5, 3, 3, 0}));
  }

  @Test
  void smallTablesGiveTheirHandComputedIndex() {
    // n_ij = [[2,1,0],[0,1,2]]: sum C(n_ij,2) = 2, rows 3+3 -> 6, columns 2+2+2 -> 3, C(6,2) = 15;
    // E = 6 * 3 / 15 = 1.2, max = 4.5, ARI = 0.8 / 3.3 = 8/33.
    assertEquals(
        8.0 / 33,
        AdjustedRandIndex.of(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 2, 2}),
        1e-15);
    // n_ij = [[2,0],[0,1],[0,1]]: index 1, rows 1, columns 2, C(4,2) = 6; E = 1/3, max = 1.5.
    assertEquals(
        4.0 / 7, AdjustedRandIndex.of(new int[] {0, 0, 1, 2}, new int[] {0, 0, 1, 1}), 1e-15);
  }

  @Test
  void aPartitionAgainstItsOppositeScoresBelowZero() {
    // n_ij = [[1,1],[1,1]]: index 0, rows 2, columns 2, C(4,2) = 6; E = 2/3, max = 2: -1/2.
    assertEquals(-0.5, AdjustedRandIndex.of(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}), 1e-15);
  }
}
