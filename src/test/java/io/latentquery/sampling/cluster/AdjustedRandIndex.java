package io.latentquery.sampling.cluster;

import java.util.HashMap;
import java.util.Map;

/**
 * The adjusted Rand index of two partitions of the same points (Hubert and Arabie, 1985): the Rand
 * index corrected for chance, 1 for the same partition under any numbering, about 0 for unrelated
 * ones. From the contingency table n_ij: (sum C(n_ij, 2) - E) / (max - E), with E = sum C(a_i, 2)
 * sum C(b_j, 2) / C(n, 2) and max = (sum C(a_i, 2) + sum C(b_j, 2)) / 2.
 */
public final class AdjustedRandIndex {
  private AdjustedRandIndex() {}

  public static double of(int[] a, int[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("partitions of " + a.length + " and " + b.length);
    }
    Map<Long, Long> cells = new HashMap<>();
    Map<Integer, Long> rows = new HashMap<>();
    Map<Integer, Long> columns = new HashMap<>();
    for (int i = 0; i < a.length; i++) {
      cells.merge(((long) a[i] << 32) | (b[i] & 0xffffffffL), 1L, Long::sum);
      rows.merge(a[i], 1L, Long::sum);
      columns.merge(b[i], 1L, Long::sum);
    }
    double index = cells.values().stream().mapToDouble(AdjustedRandIndex::pairs).sum();
    double sumA = rows.values().stream().mapToDouble(AdjustedRandIndex::pairs).sum();
    double sumB = columns.values().stream().mapToDouble(AdjustedRandIndex::pairs).sum();
    double expected = sumA * sumB / pairs(a.length);
    double max = (sumA + sumB) / 2;
    return max == expected ? 1.0 : (index - expected) / (max - expected);
  }

  private static double pairs(long n) {
    return n * (n - 1) / 2.0;
  }
}
