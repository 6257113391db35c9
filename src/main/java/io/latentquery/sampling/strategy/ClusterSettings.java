package io.latentquery.sampling.strategy;

import io.latentquery.sampling.cluster.Quotas;
import io.latentquery.sampling.cluster.WardClustering;
import io.latentquery.sampling.cluster.WardMode;

/**
 * How the clustered strategies partition the pool and share the budget.
 *
 * @param clusters k Ward clusters
 * @param ward exact, approx or auto (see {@link WardMode})
 * @param centroids k-means centres of the approximate mode
 * @param quota proportional (n|S|/N) or equal (n/k) shares, by largest remainder
 */
public record ClusterSettings(int clusters, WardMode ward, int centroids, Quotas.Rule quota) {
  /** Clusters unless told otherwise. */
  public static final int DEFAULT_CLUSTERS = 10;

  public ClusterSettings {
    if (clusters < 1) {
      throw new IllegalArgumentException("--clusters must be >= 1, got " + clusters);
    }
    if (centroids < clusters) {
      throw new IllegalArgumentException(
          "--ward-centroids must be >= --clusters (" + clusters + "), got " + centroids);
    }
  }

  public static ClusterSettings defaults() {
    return new ClusterSettings(
        DEFAULT_CLUSTERS,
        WardMode.AUTO,
        WardClustering.DEFAULT_CENTROIDS,
        Quotas.Rule.PROPORTIONAL);
  }

  /** Reads {@code clusters}, {@code ward}, {@code ward-centroids} and {@code quota}. */
  public static ClusterSettings fromOptions(StrategyOptions options) {
    int clusters = options.intAtLeast("clusters", 1).orElse(DEFAULT_CLUSTERS);
    return new ClusterSettings(
        clusters,
        options.choice("ward", WardMode::parse).orElse(WardMode.AUTO),
        options
            .intAtLeast("ward-centroids", 1)
            .orElse(Math.max(WardClustering.DEFAULT_CENTROIDS, clusters)),
        options.choice("quota", Quotas.Rule::parse).orElse(Quotas.Rule.PROPORTIONAL));
  }
}
