package io.latentquery.report;

import io.latentquery.data.ImageShape;

/**
 * Images looked up by pool index, one at a time, so that thumbnails and sprites can be drawn from a
 * pool without holding it in memory. A {@code Dataset} fits: {@code ImageSource.of(dataset.shape(),
 * dataset::image)}.
 */
public interface ImageSource {
  ImageShape shape();

  /** Image {@code index}, HWC, values in [0,1]. */
  float[] image(int index);

  /** A source from a shape and a lookup function. */
  static ImageSource of(ImageShape shape, java.util.function.IntFunction<float[]> lookup) {
    return new ImageSource() {
      @Override
      public ImageShape shape() {
        return shape;
      }

      @Override
      public float[] image(int index) {
        return lookup.apply(index);
      }
    };
  }
}
