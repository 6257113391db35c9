package io.latentquery.report;

/**
 * One evaluated cell: a strategy at a labeling budget under a setting (e.g. a classifier or
 * dataset), with the mean and standard deviation of its score over repetitions.
 */
public record EvaluationResult(
    String strategy, int budget, String setting, double mean, double std) {
  public EvaluationResult {
    if (strategy == null || strategy.isBlank()) {
      throw new IllegalArgumentException("strategy must be named");
    }
    if (budget < 1) {
      throw new IllegalArgumentException("budget must be >= 1, got " + budget);
    }
    setting = setting == null ? "" : setting;
    if (!Double.isFinite(mean)) {
      throw new IllegalArgumentException("mean must be finite, got " + mean);
    }
    if (!(std >= 0) || Double.isInfinite(std)) {
      throw new IllegalArgumentException("std must be finite and >= 0, got " + std);
    }
  }
}
