package io.latentquery.train;

import java.util.List;

/** Summaries of repeated timings, in seconds. */
final class Timings {
  private Timings() {}

  /** The median of {@code seconds}: the middle value, or the mean of the middle two. */
  static double median(List<Double> seconds) {
    requireSome(seconds);
    double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** How far {@code seconds} spread: the slowest over the quickest. */
  static double spread(List<Double> seconds) {
    requireSome(seconds);
    double quickest = Double.POSITIVE_INFINITY;
    double slowest = 0;
    for (double s : seconds) {
      quickest = Math.min(quickest, s);
      slowest = Math.max(slowest, s);
    }
    return slowest / quickest;
  }

  private static void requireSome(List<Double> seconds) {
    if (seconds.isEmpty()) {
      throw new IllegalArgumentException("no timings to summarise");
    }
  }
}
