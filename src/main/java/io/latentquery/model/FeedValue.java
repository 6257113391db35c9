package io.latentquery.model;

import java.util.Arrays;

/**
 * A float tensor's shape and values, row-major, as computed in Java for one batch.
 *
 * @param shape the dimensions, e.g. [B, L] or [B, B]
 * @param values product(shape) floats
 */
public record FeedValue(long[] shape, float[] values) {
  public FeedValue {
    long size = 1;
    for (long d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException(
            "feed dimensions must be >= 0, got " + Arrays.toString(shape));
      }
      size *= d;
    }
    if (size != values.length) {
      throw new IllegalArgumentException(
          "feed of shape "
              + Arrays.toString(shape)
              + " needs "
              + size
              + " values, got "
              + values.length);
    }
  }
}
