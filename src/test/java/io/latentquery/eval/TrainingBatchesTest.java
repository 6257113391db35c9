package io.latentquery.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.data.Dataset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingBatchesTest {
  private static final Dataset POOL = Synthetic.patterns(5, 7);
  private static final int[] SELECTED = {0, 1, 2, 3, 6, 9};

  private static float[][] run(TrainingBatches batches, int steps, int[][] labels, float[][] w) {
    int pixels = POOL.shape().size();
    float[][] images = new float[steps][batches.size() * pixels];
    for (int s = 0; s < steps; s++) {
      labels[s] = new int[batches.size()];
      w[s] = new float[batches.size()];
      batches.next(images[s], labels[s], w[s]);
    }
    return images;
  }

  private static TrainingBatches batches(Augmentation augment, PseudoLabels pseudo, long seed) {
    return new TrainingBatches(
        new TrainingBatches.Examples(POOL, SELECTED, pseudo), augment, 4, seed);
  }

  @Test
  void augmentationChangesThePixelsButNeverTheLabels() {
    int steps = 6;
    int[][] plainLabels = new int[steps][];
    int[][] augmentedLabels = new int[steps][];
    float[][] plainWeights = new float[steps][];
    float[][] augmentedWeights = new float[steps][];
    float[][] plain = run(batches(null, null, 3), steps, plainLabels, plainWeights);
    float[][] augmented =
        run(batches(Augmentation.STANDARD, null, 3), steps, augmentedLabels, augmentedWeights);
    int[][] againLabels = new int[steps][];
    float[][] again =
        run(batches(Augmentation.STANDARD, null, 3), steps, againLabels, new float[steps][]);
    float[][] other =
        run(batches(Augmentation.STANDARD, null, 4), steps, new int[steps][], new float[steps][]);
    for (int s = 0; s < steps; s++) {
      assertArrayEquals(plainLabels[s], augmentedLabels[s], "step " + s);
      assertArrayEquals(plainWeights[s], augmentedWeights[s]);
      assertFalse(Arrays.equals(plain[s], augmented[s]), "step " + s + " was not augmented");
      assertArrayEquals(augmented[s], again[s], "the same seed gives the same images");
      assertFalse(Arrays.equals(augmented[s], other[s]));
    }
    // Each plain image is the pool image of an example whose label the batch carries.
    int pixels = POOL.shape().size();
    for (int s = 0; s < steps; s++) {
      for (int b = 0; b < 4; b++) {
        float[] image = Arrays.copyOfRange(plain[s], b * pixels, (b + 1) * pixels);
        int example = find(image);
        assertTrue(Arrays.stream(SELECTED).anyMatch(i -> i == example));
        assertEquals(POOL.label(example), plainLabels[s][b]);
      }
    }
  }

  @Test
  void pseudoLabelsFillHalfOfEachBatchWithTheirClassesAndWeights() {
    int[] spread = {10, 11, 12};
    PseudoLabels pseudo =
        new PseudoLabels(POOL, spread, new int[] {3, 0, 2}, new float[] {0.5f, 0.25f, 1f});
    int steps = 3;
    int[][] labels = new int[steps][];
    float[][] weights = new float[steps][];
    float[][] images = run(batches(null, pseudo, 1), steps, labels, weights);
    int pixels = POOL.shape().size();
    Map<Integer, Integer> seen = new HashMap<>();
    for (int s = 0; s < steps; s++) {
      for (int b = 0; b < 4; b++) {
        int example = find(Arrays.copyOfRange(images[s], b * pixels, (b + 1) * pixels));
        if (b < 2) {
          assertTrue(Arrays.stream(SELECTED).anyMatch(i -> i == example));
          assertEquals(POOL.label(example), labels[s][b]);
          assertEquals(1f, weights[s][b]);
        } else {
          int k = Arrays.asList(10, 11, 12).indexOf(example);
          assertTrue(k >= 0, "example " + example + " is not pseudo-labeled");
          assertEquals(new int[] {3, 0, 2}[k], labels[s][b]);
          assertEquals(new float[] {0.5f, 0.25f, 1f}[k], weights[s][b]);
          seen.merge(example, 1, Integer::sum);
        }
      }
    }
    assertEquals(Map.of(10, 2, 11, 2, 12, 2), seen, "two epochs over the three spread labels");
  }

  private static int find(float[] image) {
    for (int i = 0; i < POOL.size(); i++) {
      if (Arrays.equals(POOL.image(i), image)) {
        return i;
      }
    }
    throw new AssertionError("not a pool image");
  }
}
