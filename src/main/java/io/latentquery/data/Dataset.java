package io.latentquery.data;

import io.latentquery.SettingException;
import java.util.List;

/**
 * A read-only, indexed set of images with optional labels. Pixels are floats in [0,1], stored
 * height-major (HWC). Every example keeps the id it had in its source (an index into an IDX file, a
 * relative path in an image folder), so subsets and splits still name the original example.
 */
public interface Dataset {

  /** Short human-readable name, e.g. {@code mnist/pool}. */
  String name();

  ImageShape shape();

  int size();

  /**
   * Copies image {@code index} into {@code dest} starting at {@code offset} (shape().size()
   * floats).
   */
  void copyImage(int index, float[] dest, int offset);

  /** The id the example had in its source. */
  String id(int index);

  boolean hasLabels();

  /** Class index of example {@code index}; only when {@link #hasLabels()}. */
  int label(int index);

  /** Class names by class index (digits for MNIST); empty when unlabeled. */
  List<String> classNames();

  /**
   * SHA-256 of the source data plus the selection of examples: identifies exactly what was used.
   */
  String checksum();

  /** Images {@code indices} as one batch, row-major [n, H, W, C]. */
  default float[] batch(int[] indices) {
    int pixels = shape().size();
    float[] out = new float[indices.length * pixels];
    for (int i = 0; i < indices.length; i++) {
      copyImage(indices[i], out, i * pixels);
    }
    return out;
  }

  /** Images {@code from} (inclusive) to {@code to} (exclusive) as one batch. */
  default float[] batch(int from, int to) {
    int pixels = shape().size();
    float[] out = new float[(to - from) * pixels];
    for (int i = from; i < to; i++) {
      copyImage(i, out, (i - from) * pixels);
    }
    return out;
  }

  default float[] image(int index) {
    float[] out = new float[shape().size()];
    copyImage(index, out, 0);
    return out;
  }

  default int numClasses() {
    return classNames().size();
  }

  /** All labels, or an exception naming the dataset when it has none. */
  default int[] labels() {
    if (!hasLabels()) {
      throw new io.latentquery.InputException("dataset " + name() + " has no labels");
    }
    int[] labels = new int[size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = label(i);
    }
    return labels;
  }

  /** The examples {@code from} (inclusive) to {@code to} (exclusive), renamed. */
  default Dataset slice(String name, int from, int to) {
    if (from < 0 || to > size() || from > to) {
      throw new IllegalArgumentException(
          "slice "
              + from
              + ".."
              + to
              + " is outside dataset "
              + name()
              + " of "
              + size()
              + " examples");
    }
    int[] indices = new int[to - from];
    for (int i = 0; i < indices.length; i++) {
      indices[i] = from + i;
    }
    return new SubsetDataset(this, name, indices);
  }

  /** The examples at {@code indices}, in that order. */
  default Dataset subset(String name, int[] indices) {
    return new SubsetDataset(this, name, indices);
  }

  /** The first {@code limit} examples, or this dataset when it is not larger. */
  default Dataset limit(int limit) {
    if (limit < 1) {
      throw new SettingException("limit", "must be >= 1, got " + limit);
    }
    return limit >= size() ? this : slice(name() + "[:" + limit + "]", 0, limit);
  }
}
