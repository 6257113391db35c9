package io.latentquery.report;

import io.latentquery.data.ImageShape;

/**
 * A few images of one shape in one array, image after image, each HWC with values in [0,1] (the
 * layout the SavedModels take and return). Meant for the handful of images a picture shows, not a
 * whole pool: the array is copied.
 *
 * @param pixels count * shape.size() values
 * @param count number of images
 * @param shape shape of every image
 */
public record ImageBatch(float[] pixels, int count, ImageShape shape) {
  public ImageBatch {
    if (count < 0) {
      throw new IllegalArgumentException("image count must be >= 0, got " + count);
    }
    if ((long) count * shape.size() != pixels.length) {
      throw new IllegalArgumentException(
          pixels.length + " values are not " + count + " images of " + shape);
    }
    pixels = pixels.clone();
  }

  /** The images in {@code pixels}, as many as the length holds. */
  public static ImageBatch of(float[] pixels, ImageShape shape) {
    if (pixels.length % shape.size() != 0) {
      throw new IllegalArgumentException(
          pixels.length + " values are not a whole number of " + shape + " images");
    }
    return new ImageBatch(pixels, pixels.length / shape.size(), shape);
  }

  /** The images at {@code indices} of {@code source}, in that order. */
  public static ImageBatch gather(ImageSource source, int[] indices) {
    ImageShape shape = source.shape();
    float[] out = new float[indices.length * shape.size()];
    for (int k = 0; k < indices.length; k++) {
      float[] image = source.image(indices[k]);
      if (image.length != shape.size()) {
        throw new IllegalArgumentException(
            "image " + indices[k] + " has " + image.length + " values, expected " + shape.size());
      }
      System.arraycopy(image, 0, out, k * shape.size(), shape.size());
    }
    return new ImageBatch(out, indices.length, shape);
  }

  /** A copy of image {@code index}. */
  public float[] image(int index) {
    if (index < 0 || index >= count) {
      throw new IndexOutOfBoundsException("image " + index + " of " + count);
    }
    float[] out = new float[shape.size()];
    System.arraycopy(pixels, index * shape.size(), out, 0, shape.size());
    return out;
  }

  /** These images as a source indexed 0..count-1. */
  public ImageSource asSource() {
    return ImageSource.of(shape, this::image);
  }

  /** Images {@code from} (inclusive) to {@code to} (exclusive). */
  public ImageBatch range(int from, int to) {
    if (from < 0 || to > count || from > to) {
      throw new IndexOutOfBoundsException("images " + from + ".." + to + " of " + count);
    }
    float[] out = new float[(to - from) * shape.size()];
    System.arraycopy(pixels, from * shape.size(), out, 0, out.length);
    return new ImageBatch(out, to - from, shape);
  }

  @Override
  public float[] pixels() {
    return pixels.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ImageBatch b
        && b.count == count
        && b.shape.equals(shape)
        && java.util.Arrays.equals(b.pixels, pixels);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * count + shape.hashCode()) + java.util.Arrays.hashCode(pixels);
  }

  @Override
  public String toString() {
    return "ImageBatch[" + count + " x " + shape + "]";
  }
}
