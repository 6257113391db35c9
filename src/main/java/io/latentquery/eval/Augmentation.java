package io.latentquery.eval;

import io.latentquery.data.ImageShape;
import java.util.SplittableRandom;

/**
 * Random small changes that keep an image's class: a shift of up to {@code maxShift} pixels in each
 * direction and a rotation of up to {@code maxDegrees} either way about the centre, both uniform,
 * with bilinear sampling and background 0 outside the source. Seeded: the same random stream gives
 * the same images.
 *
 * @param maxShift the largest shift in pixels, >= 0
 * @param maxDegrees the largest rotation in degrees, >= 0
 */
public record Augmentation(double maxShift, double maxDegrees) {
  /** Shifts of up to 2 pixels and rotations of up to 10 degrees. */
  public static final Augmentation STANDARD = new Augmentation(2, 10);

  public Augmentation {
    if (!(maxShift >= 0) || !(maxDegrees >= 0)) {
      throw new IllegalArgumentException(
          "shift and rotation limits must be >= 0, got " + maxShift + " and " + maxDegrees);
    }
  }

  /** Replaces the image at {@code offset} in {@code images} by a random change of it. */
  public void apply(float[] images, int offset, ImageShape shape, SplittableRandom random) {
    double degrees = maxDegrees == 0 ? 0 : random.nextDouble(-maxDegrees, maxDegrees);
    double dx = maxShift == 0 ? 0 : random.nextDouble(-maxShift, maxShift);
    double dy = maxShift == 0 ? 0 : random.nextDouble(-maxShift, maxShift);
    float[] source = new float[shape.size()];
    System.arraycopy(images, offset, source, 0, source.length);
    warp(source, shape, degrees, dx, dy, images, offset);
  }

  /**
   * {@code source} (HWC) rotated by {@code degrees} counter-clockwise on screen about its centre,
   * then moved {@code dx} right and {@code dy} down, written to {@code dest} at {@code offset}.
   */
  public static void warp(
      float[] source,
      ImageShape shape,
      double degrees,
      double dx,
      double dy,
      float[] dest,
      int offset) {
    int height = shape.height();
    int width = shape.width();
    int channels = shape.channels();
    double radians = StrictMath.toRadians(degrees);
    double cos = StrictMath.cos(radians);
    double sin = StrictMath.sin(radians);
    double cx = (width - 1) / 2.0;
    double cy = (height - 1) / 2.0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double ux = x - dx - cx;
        double uy = y - dy - cy;
        double sx = cos * ux - sin * uy + cx;
        double sy = sin * ux + cos * uy + cy;
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        double fx = sx - x0;
        double fy = sy - y0;
        for (int c = 0; c < channels; c++) {
          double top =
              (1 - fx) * pixel(source, shape, x0, y0, c) + fx * pixel(source, shape, x0 + 1, y0, c);
          double bottom =
              (1 - fx) * pixel(source, shape, x0, y0 + 1, c)
                  + fx * pixel(source, shape, x0 + 1, y0 + 1, c);
          dest[offset + (y * width + x) * channels + c] = (float) ((1 - fy) * top + fy * bottom);
        }
      }
    }
  }

  private static double pixel(float[] source, ImageShape shape, int x, int y, int c) {
    if (x < 0 || y < 0 || x >= shape.width() || y >= shape.height()) {
      return 0;
    }
    return source[(y * shape.width() + x) * shape.channels() + c];
  }
}
