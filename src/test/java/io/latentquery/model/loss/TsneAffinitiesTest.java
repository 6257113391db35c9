package io.latentquery.model.loss;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TsneAffinitiesTest {
  private static final float[] TEN_POINTS_5D = GraphTestSupport.gaussian(new Random(7), 10 * 5, 1);

  /** exp(H) of conditional row i, H in nats; equal to 2^H with H in bits. */
  private static double perplexityOfRow(double[] conditional, int b, int i) {
    double entropy = 0;
    for (int j = 0; j < b; j++) {
      double p = conditional[i * b + j];
      if (p > 0) {
        entropy -= p * Math.log(p);
      }
    }
    return Math.exp(entropy);
  }

  @ParameterizedTest
  @ValueSource(doubles = {3, 5, 8.5})
  void everyConditionalRowHasTheTargetPerplexityAndSumsToOne(double perplexity) {
    double[] conditional = new TsneAffinities(perplexity).conditional(TEN_POINTS_5D, 10);
    for (int i = 0; i < 10; i++) {
      double sum = 0;
      for (int j = 0; j < 10; j++) {
        sum += conditional[i * 10 + j];
      }
      assertEquals(0, conditional[i * 10 + i], "p_i|i of row " + i);
      assertEquals(1, sum, 1e-12, "sum of row " + i);
      assertEquals(perplexity, perplexityOfRow(conditional, 10, i), 1e-8 * perplexity, "row " + i);
    }
  }

  @Test
  void jointIsTheSymmetrisedConditionalSummingToOneWithZeroDiagonal() {
    TsneAffinities affinities = new TsneAffinities(5);
    double[] conditional = affinities.conditional(TEN_POINTS_5D, 10);
    float[] joint = affinities.joint(TEN_POINTS_5D, 10);
    double total = 0;
    for (int i = 0; i < 10; i++) {
      assertEquals(0f, joint[i * 10 + i]);
      for (int j = 0; j < 10; j++) {
        assertEquals(joint[i * 10 + j], joint[j * 10 + i]);
        double expected = (conditional[i * 10 + j] + conditional[j * 10 + i]) / 20;
        assertEquals(expected, joint[i * 10 + j], 1e-7);
        total += joint[i * 10 + j];
      }
    }
    assertEquals(1, total, 1e-6);
  }

  @Test
  void twoNeighbourRowsFollowTheBinaryEntropyByHand() {
    // Three points on a line, x = 0, 1, 3. Each row has two neighbours, so its distribution is
    // (p, 1 - p) on (nearer, farther) whatever the distances are, and the perplexity fixes p.
    // Target p = 0.8: H = -(0.8 ln 0.8 + 0.2 ln 0.2) = 0.500402 nats, perplexity e^H = 1.649385.
    // Row 0: 0.8 to x=1, 0.2 to x=3. Row 1: 0.8 to x=0 (d=1 < 4), 0.2 to x=3.
    // Row 2: 0.8 to x=1 (d=4 < 9), 0.2 to x=0.
    // Joint = (c + c^T) / 6: p_01 = 1.6/6, p_02 = 0.4/6, p_12 = 1.0/6.
    double perplexity = Math.exp(-(0.8 * Math.log(0.8) + 0.2 * Math.log(0.2)));
    float[] joint = new TsneAffinities(perplexity).joint(new float[] {0, 1, 3}, 3);
    float a = 1.6f / 6;
    float b = 0.4f / 6;
    float c = 1.0f / 6;
    assertArrayEquals(new float[] {0, a, b, a, 0, c, b, c, 0}, joint, 1e-6f);
  }

  @Test
  void matchesAnIndependentBisectionOnBetaInBits() {
    float[] points = GraphTestSupport.gaussian(new Random(11), 5 * 3, 2);
    double perplexity = 2.5;
    double[] conditional = new TsneAffinities(perplexity).conditional(points, 5);
    double[][] x = TsneReference.square(points, 5);
    for (int i = 0; i < 5; i++) {
      double[] expected = bruteForceRow(x, i, perplexity);
      for (int j = 0; j < 5; j++) {
        assertEquals(expected[j], conditional[i * 5 + j], 1e-7, "p_" + j + "|" + i);
      }
    }
  }

  /** Bisection on log2(beta) over [-60, 60], perplexity 2^H with H in bits, no shifting. */
  private static double[] bruteForceRow(double[][] x, int i, double perplexity) {
    double low = -60;
    double high = 60;
    double[] row = null;
    for (int iteration = 0; iteration < 200; iteration++) {
      double logBeta = (low + high) / 2;
      row = gaussianRow(x, i, Math.pow(2, logBeta));
      double bits = 0;
      for (double p : row) {
        if (p > 0) {
          bits -= p * Math.log(p) / Math.log(2);
        }
      }
      if (Math.pow(2, bits) > perplexity) {
        low = logBeta;
      } else {
        high = logBeta;
      }
    }
    return row;
  }

  private static double[] gaussianRow(double[][] x, int i, double beta) {
    double[] row = new double[x.length];
    double sum = 0;
    for (int j = 0; j < x.length; j++) {
      if (j != i) {
        row[j] = Math.exp(-beta * TsneReference.squaredDistance(x[i], x[j]));
        sum += row[j];
      }
    }
    for (int j = 0; j < x.length; j++) {
      row[j] /= sum;
    }
    return row;
  }

  @Test
  void duplicatesOutnumberingThePerplexityShareTheirRow() {
    // Six 2-D points, 0, 1, 2 coincide; perplexity 1.5 < 2 twins cannot be reached, so the search
    // runs to
    // its bound and each of the three keeps half of its row on each twin.
    float[] points = {0, 0, 0, 0, 0, 0, 1, 0, 0, 2, 3, 1};
    double[] conditional = new TsneAffinities(1.5).conditional(points, 6);
    assertTrue(java.util.Arrays.stream(conditional).allMatch(Double::isFinite));
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 6; j++) {
        double expected = j < 3 && j != i ? 0.5 : 0;
        assertEquals(expected, conditional[i * 6 + j], 1e-9, "p_" + j + "|" + i);
      }
    }
  }

  @Test
  void identicalImagesGiveUniformAffinities() {
    float[] joint = new TsneAffinities(3).joint(new float[5 * 4], 5);
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 5; j++) {
        assertEquals(i == j ? 0 : 1f / 20, joint[i * 5 + j], 1e-7);
      }
    }
  }

  @Test
  void perplexityOfBatchSizeLessOneIsTheUniformRow() {
    double[] conditional = new TsneAffinities(9).conditional(TEN_POINTS_5D, 10);
    for (int i = 0; i < 10; i++) {
      assertEquals(9, perplexityOfRow(conditional, 10, i), 1e-4);
    }
  }

  @Test
  void scaleAndAFarOutlierChangeNothingButTheirOwnRows() {
    // Multiplying every image by 1000 multiplies the distances by 1e6; beta scales by 1e-6 and P
    // must not change. A point 1e4 away keeps a well-defined row of its own.
    float[] scaled = TEN_POINTS_5D.clone();
    for (int k = 0; k < scaled.length; k++) {
      scaled[k] *= 1000;
    }
    TsneAffinities affinities = new TsneAffinities(4);
    assertArrayEquals(affinities.joint(TEN_POINTS_5D, 10), affinities.joint(scaled, 10), 1e-6f);

    float[] withOutlier = TEN_POINTS_5D.clone();
    withOutlier[0] = 1e4f;
    double[] conditional = affinities.conditional(withOutlier, 10);
    for (int i = 0; i < 10; i++) {
      assertEquals(4, perplexityOfRow(conditional, 10, i), 1e-4, "row " + i);
    }
  }

  @Test
  void anMnistSizedBatchMeetsTheDefaultPerplexityOnEveryRow() {
    Random random = new Random(3);
    float[] images = new float[64 * 784];
    for (int k = 0; k < images.length; k++) {
      images[k] = random.nextFloat() < 0.2 ? random.nextFloat() : 0;
    }
    double[] conditional =
        new TsneAffinities(TsneSettings.DEFAULT_PERPLEXITY).conditional(images, 64);
    for (int i = 0; i < 64; i++) {
      assertEquals(30, perplexityOfRow(conditional, 64, i), 30e-5, "row " + i);
    }
  }

  @Test
  void refusesBadInputNamingTheValue() {
    float[] images = new float[64 * 2];
    assertAll(
        () ->
            assertEquals(
                "perplexity 64 must be smaller than the batch size 64 (at most 63, the neighbours"
                    + " of each image)",
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new TsneAffinities(64).joint(images, 64))
                    .getMessage()),
        () ->
            assertEquals(
                "perplexity 63.5 must be smaller than the batch size 64 (at most 63, the neighbours"
                    + " of each image)",
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new TsneAffinities(63.5).joint(images, 64))
                    .getMessage()),
        () ->
            assertEquals(
                "t-SNE batch size must be >= 3, got 2",
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new TsneAffinities(1.5).joint(new float[4], 2))
                    .getMessage()),
        () ->
            assertEquals(
                "perplexity must be > 1, got 1",
                assertThrows(IllegalArgumentException.class, () -> new TsneAffinities(1))
                    .getMessage()),
        () ->
            assertEquals(
                "perplexity must be > 1, got NaN",
                assertThrows(IllegalArgumentException.class, () -> new TsneAffinities(Double.NaN))
                    .getMessage()),
        () ->
            assertEquals(
                "a batch of 4 images needs a multiple of 4 values, got 10",
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new TsneAffinities(2).joint(new float[10], 4))
                    .getMessage()),
        () ->
            assertEquals(
                "image 2 of the batch holds a value that is not finite",
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new TsneAffinities(2).joint(new float[] {1, 0, Float.NaN, 4}, 4))
                    .getMessage()));
  }
}
