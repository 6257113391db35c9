package io.latentquery.sampling.baseline;

import io.latentquery.sampling.strategy.StrategyOptions;

/**
 * How {@code typiclust} clusters and measures typicality.
 *
 * @param maxClusters the cap on k = n + labeled (the reference code's 500); option {@code
 *     --typiclust-max-clusters}
 * @param minClusterSize clusters of at most this many points are passed over while larger ones can
 *     still give a point (the reference's MIN_CLUSTER_SIZE, 5: it keeps clusters of more than 5
 *     points); option {@code --typiclust-min-cluster-size}
 * @param neighbors the most neighbours of the k-nearest-neighbour typicality, K = min(neighbors,
 *     |c| / 2) over the cluster's remaining members c (the reference's 20)
 * @param kmeans the k-means runs
 */
public record TypiClustSettings(
    int maxClusters, int minClusterSize, int neighbors, KMeansRuns kmeans) {
  public static final int DEFAULT_MAX_CLUSTERS = 500;
  public static final int DEFAULT_MIN_CLUSTER_SIZE = 5;
  public static final int DEFAULT_NEIGHBORS = 20;

  public TypiClustSettings {
    if (maxClusters < 1) {
      throw new IllegalArgumentException(
          "--typiclust-max-clusters must be >= 1, got " + maxClusters);
    }
    if (minClusterSize < 0) {
      throw new IllegalArgumentException(
          "--typiclust-min-cluster-size must be >= 0, got " + minClusterSize);
    }
    if (neighbors < 1) {
      throw new IllegalArgumentException("typicality neighbours must be >= 1, got " + neighbors);
    }
    if (kmeans == null) {
      throw new IllegalArgumentException("k-means runs must be given");
    }
  }

  public static TypiClustSettings defaults() {
    return new TypiClustSettings(
        DEFAULT_MAX_CLUSTERS, DEFAULT_MIN_CLUSTER_SIZE, DEFAULT_NEIGHBORS, KMeansRuns.defaults());
  }

  /**
   * Reads {@code typiclust-max-clusters}, {@code typiclust-min-cluster-size} and {@code
   * kmeans-restarts}.
   */
  public static TypiClustSettings fromOptions(StrategyOptions options) {
    return fromOptions(options, KMeansRuns.fromOptions(options));
  }

  /**
   * Reads {@code typiclust-max-clusters} and {@code typiclust-min-cluster-size}, with k-means run
   * as {@code kmeans} says (where the k-means options do not apply, as on Spark).
   */
  public static TypiClustSettings fromOptions(StrategyOptions options, KMeansRuns kmeans) {
    return new TypiClustSettings(
        options.intAtLeast("typiclust-max-clusters", 1).orElse(DEFAULT_MAX_CLUSTERS),
        options.intAtLeast("typiclust-min-cluster-size", 0).orElse(DEFAULT_MIN_CLUSTER_SIZE),
        DEFAULT_NEIGHBORS,
        kmeans);
  }
}
