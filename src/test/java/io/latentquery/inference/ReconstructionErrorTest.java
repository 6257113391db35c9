package io.latentquery.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReconstructionErrorTest {
  // Two examples of two pixels: image (1, 0) rebuilt as (0.5, 0), image (0.5, 0.25) as (0.25, 1).
  private static final float[] IMAGES = {1, 0, 0.5f, 0.25f};
  private static final float[] REBUILT = {0.5f, 0, 0.25f, 1};

  @Test
  void l1IsTheMeanAbsoluteDifference() {
    // (0.5 + 0) / 2 and (0.25 + 0.75) / 2.
    assertArrayEquals(
        new double[] {0.25, 0.5}, ReconstructionError.L1.perExample(IMAGES, REBUILT, 2), 1e-12);
  }

  @Test
  void bceIsTheMeanBinaryCrossEntropyWithTheReconstructionClipped() {
    // Example 0: -ln 0.5 = 0.6931472 for the first pixel; r = 0 is clipped to 1e-7, so the second
    // costs -ln(1 - 1e-7) = 1.0e-7; mean 0.3465736.
    // Example 1: -(0.5 ln 0.25 + 0.5 ln 0.75) = 0.5 (1.3862944 + 0.2876821) = 0.8369882; r = 1 is
    // clipped to 1 - 1e-7, so the second costs -(0.25 ln(1 - 1e-7) + 0.75 ln 1e-7)
    // = 0.75 * 16.1180957 = 12.0885718; mean 6.4627800.
    double[] errors = ReconstructionError.BCE.perExample(IMAGES, REBUILT, 2);
    assertEquals(0.3465736, errors[0], 1e-7);
    assertEquals(6.4627800, errors[1], 1e-6);
  }

  @Test
  void namesAndParsing() {
    assertEquals(ReconstructionError.BCE, ReconstructionError.DEFAULT);
    assertEquals(ReconstructionError.L1, ReconstructionError.parse(" L1 "));
    assertEquals("bce", ReconstructionError.BCE.label());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ReconstructionError.parse("mse"));
    assertEquals("--error must be bce or l1, got 'mse'", e.getMessage());
  }
}
