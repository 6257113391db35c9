package io.latentquery.data;

import java.util.List;

/**
 * The pool made by {@link Unbalancer}: images as unsigned bytes and, per example, its label, the
 * index of the source pool image it was kept or made from, and whether it is a new (warped) one.
 */
public record UnbalancedPool(
    ImageShape shape,
    byte[] pixels,
    int[] labels,
    int[] sources,
    boolean[] augmented,
    int[] countsBefore) {

  public int size() {
    return labels.length;
  }

  /** Examples per class index. */
  public int[] counts() {
    int[] counts = new int[countsBefore.length];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }

  /** The pool as a dataset whose ids are positions in it. */
  public Dataset dataset(String name, List<String> classNames, String checksum) {
    return new ByteImageDataset(
        name, shape, pixels, labels, classNames, Integer::toString, checksum);
  }
}
