package io.latentquery.eval;

import io.latentquery.data.Dataset;

/**
 * Labels spread to unlabeled pool examples, trained on beside the true ones with a weight each (the
 * spread label's confidence).
 *
 * @param pool the pool the indices refer to
 * @param indices pool positions, none of them labeled by a person
 * @param classes the spread class of each
 * @param weights the weight of each in the loss, in [0, 1]
 */
public record PseudoLabels(Dataset pool, int[] indices, int[] classes, float[] weights) {
  public PseudoLabels {
    if (indices.length != classes.length || indices.length != weights.length) {
      throw new IllegalArgumentException("one class and one weight per pseudo-labeled example");
    }
    indices = indices.clone();
    classes = classes.clone();
    weights = weights.clone();
  }

  public int size() {
    return indices.length;
  }
}
