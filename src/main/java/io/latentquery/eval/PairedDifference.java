package io.latentquery.eval;

import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The difference between a strategy's accuracy and random selection's, paired by seed (the same
 * seed gives both cells the same classifier initialisation and batch order), with the 95% interval
 * of its mean from the paired t distribution on n - 1 degrees of freedom.
 *
 * @param n pairs (seeds stored for both)
 * @param mean mean difference (fraction), NaN when n = 0
 * @param std sample standard deviation of the differences (n - 1), NaN when n < 2
 * @param low lower end of the 95% interval, NaN when n < 2
 * @param high upper end of the 95% interval, NaN when n < 2
 */
public record PairedDifference(int n, double mean, double std, double low, double high) {
  /** Two-sided coverage of the interval. */
  public static final double CONFIDENCE = 0.95;

  /** The paired statistics of {@code differences} (strategy minus random, one per seed). */
  public static PairedDifference of(List<Double> differences) {
    int n = differences.size();
    if (n == 0) {
      return new PairedDifference(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double mean = differences.stream().mapToDouble(Double::doubleValue).sum() / n;
    if (n < 2) {
      return new PairedDifference(1, mean, Double.NaN, Double.NaN, Double.NaN);
    }
    double squares = 0;
    for (double d : differences) {
      squares += (d - mean) * (d - mean);
    }
    double std = Math.sqrt(squares / (n - 1));
    double t = new TDistribution(n - 1).inverseCumulativeProbability(0.5 + CONFIDENCE / 2);
    double half = t * std / Math.sqrt(n);
    return new PairedDifference(n, mean, std, mean - half, mean + half);
  }

  /** Whether the interval lies wholly above or wholly below 0. */
  public boolean excludesZero() {
    return n >= 2 && (low > 0 || high < 0);
  }

  /** {@code +8.09 [+5.15, +11.04]*} in percentage points; {@code *} marks an interval without 0. */
  public String text() {
    if (n == 0) {
      return "-";
    }
    if (n < 2) {
      return String.format(Locale.ROOT, "%+.2f (1 seed)", 100 * mean);
    }
    return String.format(
        Locale.ROOT,
        "%+.2f [%+.2f, %+.2f]%s",
        100 * mean,
        100 * low,
        100 * high,
        excludesZero() ? "*" : "");
  }
}
