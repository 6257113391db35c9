package io.latentquery.sampling.strategy;

import io.latentquery.sampling.neighbors.Metric;

/**
 * How the draw-and-take strategies turn draws into selections.
 *
 * @param threshold t, the largest distance between a draw and the point it takes; null derives it
 *     from the data ({@link Threshold#RULE})
 * @param take what one draw takes
 * @param metric the distance
 * @param maxMisses consecutive draws that take nothing before the run stops with an error; null for
 *     max(10000, 100 n)
 */
public record DrawSettings(Double threshold, TakeMode take, Metric metric, Integer maxMisses) {
  public DrawSettings {
    if (threshold != null && !(threshold > 0 && Double.isFinite(threshold))) {
      throw new IllegalArgumentException("--threshold must be a number > 0, got " + threshold);
    }
    if (maxMisses != null && maxMisses < 1) {
      throw new IllegalArgumentException("--max-misses must be >= 1, got " + maxMisses);
    }
    if (take == null) {
      take = TakeMode.NEAREST;
    }
    if (metric == null) {
      metric = Metric.EUCLIDEAN;
    }
  }

  /** Threshold from the data, nearest, Euclidean, default miss limit. */
  public static DrawSettings defaults() {
    return new DrawSettings(null, TakeMode.NEAREST, Metric.EUCLIDEAN, null);
  }

  /** Reads {@code threshold}, {@code take}, {@code metric} and {@code max-misses}. */
  public static DrawSettings fromOptions(StrategyOptions options) {
    var threshold = options.positiveDouble("threshold");
    var misses = options.intAtLeast("max-misses", 1);
    return new DrawSettings(
        threshold.isPresent() ? threshold.getAsDouble() : null,
        options.choice("take", TakeMode::parse).orElse(TakeMode.NEAREST),
        options.choice("metric", Metric::parse).orElse(Metric.EUCLIDEAN),
        misses.isPresent() ? misses.getAsInt() : null);
  }

  /** The miss limit for a budget of n. */
  public int maxMissesFor(int budget) {
    return maxMisses != null
        ? maxMisses
        : (int) Math.min(Integer.MAX_VALUE, Math.max(10_000L, 100L * budget));
  }
}
