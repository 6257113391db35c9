package io.latentquery.train;

/**
 * How an epoch's examples are cut into batches: consecutive runs of {@code batchSize}, except that
 * a last batch smaller than the model's minimum batch size joins the batch before it. Every example
 * is still seen once per epoch and each batch has between {@code minimum} and {@code batchSize +
 * minimum - 1} examples; a t-SNE loss then always has enough neighbours to calibrate its affinities
 * on, and computes them on exactly the images of the step. With a minimum of 1 the cut is the plain
 * one.
 */
final class BatchBounds {
  private BatchBounds() {}

  /**
   * Batch boundaries 0 = b_0 < b_1 < ... < b_k = size: batch i is [b_i, b_{i+1}). A split smaller
   * than {@code minimum} is one batch.
   */
  static int[] of(int size, int batchSize, int minimum) {
    if (size < 0 || batchSize < 1 || minimum < 1) {
      throw new IllegalArgumentException(
          "size must be >= 0 and batch size and minimum >= 1, got "
              + size
              + ", "
              + batchSize
              + ", "
              + minimum);
    }
    int full = size / batchSize;
    int rest = size % batchSize;
    boolean merge = rest > 0 && rest < minimum && full > 0;
    int batches = full + (rest > 0 && !merge ? 1 : 0);
    int[] bounds = new int[batches + 1];
    for (int i = 1; i <= batches; i++) {
      bounds[i] = Math.min(size, i * batchSize);
    }
    bounds[batches] = size;
    return bounds;
  }
}
