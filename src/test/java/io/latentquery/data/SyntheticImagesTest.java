package io.latentquery.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SyntheticImagesTest {
  private static final ImageShape SHAPE = new ImageShape(28, 28, 1);

  @Test
  void sameSeedAndIndexGiveTheSamePixelsAndOthersDiffer() {
    SyntheticImages a = new SyntheticImages(SHAPE, 1_000_000, 7);
    SyntheticImages b = new SyntheticImages(SHAPE, 1_000_000, 7);
    assertArrayEquals(a.image(999_999), b.image(999_999));
    assertFalse(Arrays.equals(a.image(0), a.image(1)));
    assertFalse(Arrays.equals(a.image(0), new SyntheticImages(SHAPE, 10, 8).image(0)));
    assertArrayEquals(
        a.image(5), Arrays.copyOfRange(a.batch(4, 6), SHAPE.size(), 2 * SHAPE.size()));
  }

  @Test
  void pixelsAreUniformOnTheByteGrid() {
    float[] pixels = new SyntheticImages(SHAPE, 100, 1).batch(0, 100);
    double sum = 0;
    double squares = 0;
    for (float p : pixels) {
      assertEquals(Math.round(p * 255) / 255f, p, 1e-7f);
      sum += p;
      squares += p * p;
    }
    double mean = sum / pixels.length;
    // Uniform on {0, 1/255, ..., 1}: mean 1/2, variance (256^2 - 1) / (12 * 255^2) = 0.0846.
    assertEquals(0.5, mean, 0.005);
    assertEquals(0.0846, squares / pixels.length - mean * mean, 0.002);
  }
}
