package io.latentquery.sampling.baseline;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.cluster.KMeansAlgorithm;
import io.latentquery.sampling.cluster.KMeansResult;
import io.latentquery.sampling.cluster.KMeansSettings;
import io.latentquery.sampling.cluster.MiniBatchSettings;
import io.latentquery.sampling.strategy.StrategyOptions;
import java.util.Map;

/**
 * How the baselines run k-means: the algorithm ({@link KMeansAlgorithm}: full Lloyd, mini-batch, or
 * auto, which takes mini-batch above {@value KMeansAlgorithm#MINI_BATCH_ABOVE} points), the number
 * of k-means++ starts (the lowest inertia is kept) and when Lloyd iterations stop. Shared by {@code
 * kmeans}, {@code typiclust} and the purity clustering of {@code probcover} (which always runs full
 * Lloyd on its few clusters).
 *
 * @param restarts independent seeded starts, at least 1 (option {@code --kmeans-restarts})
 * @param maxIterations Lloyd iterations per start, at most
 * @param tolerance a start stops when an iteration lowers the inertia by less than this fraction
 * @param algorithm which k-means runs (option {@code --kmeans}); {@code auto} by default
 */
public record KMeansRuns(
    int restarts, int maxIterations, double tolerance, KMeansAlgorithm algorithm) {
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
    if (algorithm == null) {
      throw new IllegalArgumentException("the k-means algorithm must be given");
    }
  }

  /** 3 starts, up to 100 iterations, stop below a 1e-4 relative inertia gain, algorithm auto. */
  public static KMeansRuns defaults() {
    return new KMeansRuns(DEFAULT_RESTARTS, 100, 1e-4, KMeansAlgorithm.AUTO);
  }

  /** Reads {@code kmeans-restarts} and {@code kmeans} (full, mini-batch or auto). */
  public static KMeansRuns fromOptions(StrategyOptions options) {
    return new KMeansRuns(
        options.intAtLeast("kmeans-restarts", 1).orElse(DEFAULT_RESTARTS),
        100,
        1e-4,
        options.choice("kmeans", KMeansAlgorithm::parse).orElse(KMeansAlgorithm.AUTO));
  }

  /** Reads {@code kmeans-restarts} only; the algorithm is full Lloyd. */
  public static KMeansRuns restartsFromOptions(StrategyOptions options) {
    return new KMeansRuns(
        options.intAtLeast("kmeans-restarts", 1).orElse(DEFAULT_RESTARTS),
        100,
        1e-4,
        KMeansAlgorithm.FULL);
  }

  public KMeansSettings settings(int clusters) {
    return new KMeansSettings(clusters, restarts, maxIterations, tolerance);
  }

  /** Fits {@code clusters} clusters with the algorithm these runs choose for the pool's size. */
  public KMeansResult fit(Points points, int clusters, long seed) {
    return algorithm.fit(points, settings(clusters), seed);
  }

  /** Records these settings under {@code kmeans_*} keys. */
  void describe(Map<String, Object> parameters) {
    parameters.put("kmeans_restarts", restarts);
    parameters.put("kmeans_max_iterations", maxIterations);
    parameters.put("kmeans_tolerance", tolerance);
  }

  /**
   * Records these settings and {@code fit}, a fit by {@link #fit} on {@code points} points: the
   * algorithm asked for and the one that ran, with its iterations (Lloyd) or batches (mini-batch).
   */
  void describe(Map<String, Object> parameters, int points, KMeansResult fit) {
    describe(parameters);
    KMeansAlgorithm ran = algorithm.resolve(points);
    parameters.put("kmeans", algorithm.label());
    parameters.put("kmeans_algorithm", ran.label());
    parameters.put("inertia", fit.inertia());
    if (ran == KMeansAlgorithm.MINI_BATCH) {
      parameters.put("kmeans_batches", fit.iterations());
      parameters.put("kmeans_batch_size", Math.min(MiniBatchSettings.DEFAULT_BATCH_SIZE, points));
      parameters.put("kmeans_max_batches", MiniBatchSettings.DEFAULT_MAX_BATCHES);
      parameters.put("kmeans_mini_batch_above", KMeansAlgorithm.MINI_BATCH_ABOVE);
    } else {
      parameters.put("kmeans_iterations", fit.iterations());
    }
  }
}
