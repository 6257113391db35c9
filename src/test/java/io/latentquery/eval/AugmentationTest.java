package io.latentquery.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.latentquery.data.ImageShape;
import io.latentquery.data.ImageWarp;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmentationTest {
  private static final ImageShape GRAY = new ImageShape(9, 7, 1);

  private static float[] randomImage(ImageShape shape, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] image = new float[shape.size()];
    for (int i = 0; i < image.length; i++) {
      image[i] = random.nextInt(256) / 255f;
    }
    return image;
  }

  @Test
  void theWarpMatchesTheByteWarpOfTheUnbalancer() {
    float[] image = randomImage(GRAY, 1);
    byte[] bytes = new byte[image.length];
    for (int i = 0; i < image.length; i++) {
      bytes[i] = (byte) Math.round(image[i] * 255);
    }
    double[][] moves = {{0, 0, 0}, {10, 0, 0}, {-7.5, 1.25, -0.5}, {90, 2, 1}};
    for (double[] move : moves) {
      float[] warped = new float[image.length];
      Augmentation.warp(image, GRAY, move[0], move[1], move[2], warped, 0);
      byte[] reference =
          ImageWarp.rotateTranslate(bytes, GRAY.height(), GRAY.width(), move[0], move[1], move[2]);
      for (int i = 0; i < image.length; i++) {
        assertEquals(
            reference[i] & 0xff, warped[i] * 255, 0.5 + 1e-3, Arrays.toString(move) + " at " + i);
      }
    }
  }

  @Test
  void aShiftOfOnePixelMovesEveryPixelOneColumnRight() {
    float[] image = randomImage(GRAY, 2);
    float[] shifted = new float[image.length];
    Augmentation.warp(image, GRAY, 0, 1, 0, shifted, 0);
    for (int y = 0; y < GRAY.height(); y++) {
      assertEquals(0f, shifted[y * GRAY.width()], "background enters on the left");
      for (int x = 1; x < GRAY.width(); x++) {
        assertEquals(image[y * GRAY.width() + x - 1], shifted[y * GRAY.width() + x], 1e-6);
      }
    }
  }

  @Test
  void everyChannelMovesLikeAGrayImage() {
    ImageShape rgb = new ImageShape(9, 7, 3);
    float[] image = randomImage(rgb, 3);
    float[] warped = new float[image.length];
    Augmentation.warp(image, rgb, 12, -1.5, 0.75, warped, 0);
    for (int c = 0; c < 3; c++) {
      float[] channel = new float[GRAY.size()];
      for (int p = 0; p < channel.length; p++) {
        channel[p] = image[p * 3 + c];
      }
      float[] expected = new float[GRAY.size()];
      Augmentation.warp(channel, GRAY, 12, -1.5, 0.75, expected, 0);
      for (int p = 0; p < channel.length; p++) {
        assertEquals(expected[p], warped[p * 3 + c], 1e-6, "channel " + c + " pixel " + p);
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameChangesAndNoRangeChangesNothing() {
    float[] image = randomImage(GRAY, 4);
    float[] a = image.clone();
    float[] b = image.clone();
    float[] c = image.clone();
    Augmentation.STANDARD.apply(a, 0, GRAY, new SplittableRandom(5));
    Augmentation.STANDARD.apply(b, 0, GRAY, new SplittableRandom(5));
    Augmentation.STANDARD.apply(c, 0, GRAY, new SplittableRandom(6));
    assertArrayEquals(a, b);
    assertFalse(Arrays.equals(a, c));
    assertFalse(Arrays.equals(a, image));
    float[] still = image.clone();
    new Augmentation(0, 0).apply(still, 0, GRAY, new SplittableRandom(5));
    assertArrayEquals(image, still);
  }
}
