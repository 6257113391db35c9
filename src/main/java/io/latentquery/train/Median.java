package io.latentquery.train;

import java.util.List;

/** The median of timings: the middle value, or the mean of the middle two. */
final class Median {
  private Median() {}

  /** The median of {@code values}, which must not be empty. */
  static double of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values to take the median of");
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
