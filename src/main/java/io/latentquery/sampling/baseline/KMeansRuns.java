package io.latentquery.sampling.baseline;

import io.latentquery.sampling.cluster.KMeansSettings;
import io.latentquery.sampling.strategy.StrategyOptions;
import java.util.Map;

/**
 * How the baselines run k-means ({@link io.latentquery.sampling.cluster.KMeans}): the number of
 * k-means++ starts (the lowest inertia is kept) and when Lloyd iterations stop. Shared by {@code
 * kmeans}, {@code typiclust} and the purity clustering of {@code probcover}.
 *
 * @param restarts independent seeded starts, at least 1 (option {@code --kmeans-restarts})
 * @param maxIterations Lloyd iterations per start, at most
 * @param tolerance a start stops when an iteration lowers the inertia by less than this fraction
 */
public record KMeansRuns(int restarts, int maxIterations, double tolerance) {
  public static final int DEFAULT_RESTARTS = 3;

  public KMeansRuns {
    if (restarts < 1) {
      throw new IllegalArgumentException("--kmeans-restarts must be >= 1, got " + restarts);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("k-means iterations must be >= 1, got " + maxIterations);
    }
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("k-means tolerance must be >= 0, got " + tolerance);
    }
  }

  /** 3 starts, up to 100 iterations, stop below a 1e-4 relative inertia gain. */
  public static KMeansRuns defaults() {
    return new KMeansRuns(DEFAULT_RESTARTS, 100, 1e-4);
  }

  /** Reads {@code kmeans-restarts}. */
  public static KMeansRuns fromOptions(StrategyOptions options) {
    return new KMeansRuns(
        options.intAtLeast("kmeans-restarts", 1).orElse(DEFAULT_RESTARTS), 100, 1e-4);
  }

  public KMeansSettings settings(int clusters) {
    return new KMeansSettings(clusters, restarts, maxIterations, tolerance);
  }

  /** Records these settings under {@code kmeans_*} keys. */
  void describe(Map<String, Object> parameters) {
    parameters.put("kmeans_restarts", restarts);
    parameters.put("kmeans_max_iterations", maxIterations);
    parameters.put("kmeans_tolerance", tolerance);
  }
}
