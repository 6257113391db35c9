package io.latentquery.data;

/**
 * Rotates and translates single-channel byte images with bilinear sampling; pixels that come from
 * outside the source image are 0 (background). Uses {@link StrictMath} so that the same inputs give
 * the same bytes on every machine.
 */
public final class ImageWarp {
  private ImageWarp() {}

  /**
   * The image {@code src} (height x width, row-major) rotated by {@code degrees} (counter-clockwise
   * as seen on screen) about its centre, then moved by {@code dx} pixels right and {@code dy} down.
   */
  public static byte[] rotateTranslate(
      byte[] src, int height, int width, double degrees, double dx, double dy) {
    if (src.length != height * width) {
      throw new IllegalArgumentException(
          "image of " + src.length + " pixels is not " + height + "x" + width);
    }
    double radians = StrictMath.toRadians(degrees);
    double cos = StrictMath.cos(radians);
    double sin = StrictMath.sin(radians);
    double cx = (width - 1) / 2.0;
    double cy = (height - 1) / 2.0;
    byte[] out = new byte[src.length];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        // Inverse map: undo the translation, then the rotation (y points down on screen).
        double ux = x - dx - cx;
        double uy = y - dy - cy;
        double sx = cos * ux - sin * uy + cx;
        double sy = sin * ux + cos * uy + cy;
        out[y * width + x] = (byte) (int) Math.round(bilinear(src, height, width, sx, sy));
      }
    }
    return out;
  }

  private static double bilinear(byte[] src, int height, int width, double x, double y) {
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    double fx = x - x0;
    double fy = y - y0;
    double top =
        (1 - fx) * pixel(src, height, width, x0, y0) + fx * pixel(src, height, width, x0 + 1, y0);
    double bottom =
        (1 - fx) * pixel(src, height, width, x0, y0 + 1)
            + fx * pixel(src, height, width, x0 + 1, y0 + 1);
    double value = (1 - fy) * top + fy * bottom;
    return Math.max(0, Math.min(255, value));
  }

  private static int pixel(byte[] src, int height, int width, int x, int y) {
    if (x < 0 || y < 0 || x >= width || y >= height) {
      return 0;
    }
    return src[y * width + x] & 0xff;
  }
}
