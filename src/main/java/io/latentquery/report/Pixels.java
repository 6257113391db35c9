package io.latentquery.report;

import io.latentquery.data.ImageShape;
import java.awt.image.BufferedImage;

/**
 * Turns HWC float images in [0,1] into pictures. One channel is gray, three or more are RGB (a
 * fourth channel is ignored), two are shown as the first channel in gray. Values are clamped to
 * [0,1] and NaN is black, so a diverging decoder still gives a picture instead of an exception.
 */
public final class Pixels {
  private Pixels() {}

  /** The 0..255 level of one value. */
  public static int level(float value) {
    if (!(value > 0f)) {
      return 0;
    }
    if (value >= 1f) {
      return 255;
    }
    return Math.round(value * 255f);
  }

  /** The packed RGB of pixel (y, x) of the image at {@code offset} in {@code pixels}. */
  public static int rgb(float[] pixels, int offset, ImageShape shape, int y, int x) {
    int base = offset + (y * shape.width() + x) * shape.channels();
    if (shape.channels() >= 3) {
      return (level(pixels[base]) << 16) | (level(pixels[base + 1]) << 8) | level(pixels[base + 2]);
    }
    int gray = level(pixels[base]);
    return (gray << 16) | (gray << 8) | gray;
  }

  /** One image, each pixel repeated {@code scale} times in each direction (nearest neighbour). */
  public static BufferedImage toImage(float[] pixels, int offset, ImageShape shape, int scale) {
    Headless.ensure();
    if (scale < 1) {
      throw new IllegalArgumentException("scale must be >= 1, got " + scale);
    }
    BufferedImage out =
        new BufferedImage(
            shape.width() * scale, shape.height() * scale, BufferedImage.TYPE_INT_RGB);
    draw(out, 0, 0, pixels, offset, shape, scale);
    return out;
  }

  /** Draws one image into {@code target} with its top-left corner at (left, top). */
  static void draw(
      BufferedImage target,
      int left,
      int top,
      float[] pixels,
      int offset,
      ImageShape shape,
      int scale) {
    for (int y = 0; y < shape.height(); y++) {
      for (int x = 0; x < shape.width(); x++) {
        int rgb = rgb(pixels, offset, shape, y, x);
        for (int dy = 0; dy < scale; dy++) {
          for (int dx = 0; dx < scale; dx++) {
            target.setRGB(left + x * scale + dx, top + y * scale + dy, rgb);
          }
        }
      }
    }
  }
}
