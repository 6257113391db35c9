package io.latentquery.sampling.baseline;

import io.latentquery.sampling.strategy.StrategyOptions;

/**
 * ProbCover's rule for choosing delta without labels: the largest delta whose balls stay pure for
 * at least a fraction alpha of the points, purity measured against a k-means clustering of Z
 * (Yehuda et al. 2022 use the class count as k; an unlabeled pool has no classes, so k is an
 * option).
 *
 * @param alpha the purity to keep, in (0, 1] (the paper's 0.95); option {@code --alpha}
 * @param clusters k of the k-means pseudo-labels, at least 2; option {@code --purity-clusters}
 * @param kmeans the k-means runs (always full Lloyd: k is small)
 */
public record PurityRule(double alpha, int clusters, KMeansRuns kmeans) {
  public static final double DEFAULT_ALPHA = 0.95;
  public static final int DEFAULT_CLUSTERS = 10;

  public PurityRule {
    if (!(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("--alpha must be in (0, 1], got " + alpha);
    }
    if (clusters < 2) {
      throw new IllegalArgumentException("--purity-clusters must be >= 2, got " + clusters);
    }
    if (kmeans == null) {
      throw new IllegalArgumentException("k-means runs must be given");
    }
  }

  public static PurityRule defaults() {
    return new PurityRule(
        DEFAULT_ALPHA, DEFAULT_CLUSTERS, KMeansRuns.restartsFromOptions(StrategyOptions.none()));
  }
}
