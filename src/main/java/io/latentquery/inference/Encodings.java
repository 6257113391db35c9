package io.latentquery.inference;

import java.util.Arrays;
import java.util.List;

/**
 * The encodings of a set of examples: N points in R^L stored row-major, with each example's id and,
 * when known, its label (the class name). Immutable.
 *
 * @param values count * dim coordinates, point after point
 * @param count N, the number of examples
 * @param dim L, the latent dimension
 * @param ids the example ids, in order
 * @param labels the class names, in order, or null when the examples are unlabeled (an entry may
 *     also be null for one unlabeled example)
 */
public record Encodings(
    double[] values, int count, int dim, List<String> ids, List<String> labels) {
  public Encodings {
    if (dim < 1) {
      throw new IllegalArgumentException("latent dimension must be >= 1, got " + dim);
    }
    if ((long) count * dim != values.length) {
      throw new IllegalArgumentException(
          values.length + " values are not " + count + " points of dimension " + dim);
    }
    if (ids.size() != count) {
      throw new IllegalArgumentException(ids.size() + " ids for " + count + " encodings");
    }
    if (labels != null && labels.size() != count) {
      throw new IllegalArgumentException(labels.size() + " labels for " + count + " encodings");
    }
    values = values.clone();
    ids = List.copyOf(ids);
    labels =
        labels == null
            ? null
            : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(labels));
  }

  public boolean hasLabels() {
    return labels != null;
  }

  /** The label of example {@code i}, or null when unknown. */
  public String label(int i) {
    return labels == null ? null : labels.get(i);
  }

  public String id(int i) {
    return ids.get(i);
  }

  /** A copy of the coordinates of example {@code i}. */
  public double[] point(int i) {
    return Arrays.copyOfRange(values, i * dim, (i + 1) * dim);
  }

  @Override
  public double[] values() {
    return values.clone();
  }
}
