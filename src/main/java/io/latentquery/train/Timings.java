package io.latentquery.train;

import java.util.List;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/** Summaries of repeated timings, in seconds, through Commons Math. */
final class Timings {
  private Timings() {}

  /** The median of {@code seconds}: the middle value, or the mean of the middle two. */
  static double median(List<Double> seconds) {
    return new Median().evaluate(values(seconds));
  }

  /** How far {@code seconds} spread: the slowest over the quickest. */
  static double spread(List<Double> seconds) {
    double[] values = values(seconds);
    return StatUtils.max(values) / StatUtils.min(values);
  }

  private static double[] values(List<Double> seconds) {
    if (seconds.isEmpty()) {
      throw new IllegalArgumentException("no timings to summarise");
    }
    return seconds.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
