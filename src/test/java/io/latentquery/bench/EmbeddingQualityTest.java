package io.latentquery.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmbeddingQualityTest {
  /** Five points on a line, no two pairs at the same distance from a common point. */
  private static final float[] LINE = {0, 1, 3, 7, 12};

  @Test
  void identityEmbeddingIsFullyTrustworthy() {
    double[] same = {0, 1, 3, 7, 12};
    assertEquals(1.0, EmbeddingQuality.trustworthiness(LINE, 1, same, 1, 1), 1e-12);
    assertEquals(1.0, EmbeddingQuality.trustworthiness(LINE, 1, same, 1, 2), 1e-12);
  }

  /**
   * Points 1 and 2 swap places: y = (0, 3, 1, 7, 12). Nearest embedding neighbours (k = 1) and
   * their input ranks: 0 -> 2 (rank 2), 1 -> 2 (rank 2), 2 -> 0 (rank 2: 1 is nearer at distance
   * 2), 3 -> 1 (rank 3: 2 at 4 and 4 at 5 are nearer), 4 -> 3 (rank 1). Penalties (r - k) sum to 1
   * + 1 + 1 + 2 + 0 = 5; T = 1 - 2 / (5 * 1 * (10 - 3 - 1)) * 5 = 2/3.
   */
  @Test
  void swappedPairGivesTheHandComputedValue() {
    double[] swapped = {0, 3, 1, 7, 12};
    assertEquals(2.0 / 3.0, EmbeddingQuality.trustworthiness(LINE, 1, swapped, 1, 1), 1e-12);
  }

  @Test
  void higherDimensionalInputsAndEmbeddingsUseEveryCoordinate() {
    float[] inputs = {0, 0, 1, 0, 3, 0, 7, 0, 12, 0};
    double[] swapped = {0, 5, 3, 5, 1, 5, 7, 5, 12, 5};
    assertEquals(2.0 / 3.0, EmbeddingQuality.trustworthiness(inputs, 2, swapped, 2, 1), 1e-12);
  }

  @Test
  void neighbourhoodMustBeBelowHalfTheSet() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EmbeddingQuality.trustworthiness(LINE, 1, new double[] {0, 1, 3, 7, 12}, 1, 3));
    assertTrue(e.getMessage().contains("got 3"), e.getMessage());
  }

  @Test
  void oneNearestNeighbourTakesTheClosestReferenceLabel() {
    double[] reference = {0, 0, 10, 0};
    double[] test = {1, 1, 9, -1, 6, 0, 4, 0};
    double accuracy =
        EmbeddingQuality.oneNearestNeighbourAccuracy(
            reference, new int[] {0, 1}, test, new int[] {0, 1, 0, 0}, 2);
    assertEquals(0.75, accuracy, 1e-12);
  }

  @Test
  void oneNearestNeighbourRefusesMismatchedSizes() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            EmbeddingQuality.oneNearestNeighbourAccuracy(
                new double[] {0, 0, 1}, new int[] {0, 1}, new double[] {0, 0}, new int[] {0}, 2));
  }
}
