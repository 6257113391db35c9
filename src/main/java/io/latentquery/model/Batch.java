package io.latentquery.model;

import io.latentquery.data.ImageShape;
import java.util.SplittableRandom;

/**
 * One batch as a {@link BatchFeed} sees it.
 *
 * @param images pixels in [0,1], row-major [size, H, W, C]
 * @param size number of images
 * @param shape the shape of one image
 * @param training true for a training step, false for validation (no dropout, no noise needed)
 * @param random a generator seeded from (seed, epoch, step), so a resumed run draws the same values
 */
public record Batch(
    float[] images, int size, ImageShape shape, boolean training, SplittableRandom random) {
  public Batch {
    if (images.length != (long) size * shape.size()) {
      throw new IllegalArgumentException(
          "batch of "
              + size
              + " images of "
              + shape
              + " needs "
              + (long) size * shape.size()
              + " floats, got "
              + images.length);
    }
  }
}
