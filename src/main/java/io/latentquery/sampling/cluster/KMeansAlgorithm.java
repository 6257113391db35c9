package io.latentquery.sampling.cluster;

import io.latentquery.sampling.Points;
import java.util.Locale;

/**
 * Which k-means fits a pool: full Lloyd iterations ({@link KMeans}), mini-batch k-means ({@link
 * MiniBatchKMeans}), or {@code auto}, which takes mini-batch above {@link #MINI_BATCH_ABOVE} points
 * and full Lloyd at or below it, so small pools keep the exact fit while a million points cluster
 * in seconds. The option that chooses it is {@code --kmeans full|mini-batch|auto}.
 */
public enum KMeansAlgorithm {
  FULL("full"),
  MINI_BATCH("mini-batch"),
  AUTO("auto");

  /** {@code auto} runs mini-batch k-means on pools of more than this many points. */
  public static final int MINI_BATCH_ABOVE = 100_000;

  private final String label;

  KMeansAlgorithm(String label) {
    this.label = label;
  }

  /** The option value: {@code full}, {@code mini-batch} or {@code auto}. */
  public String label() {
    return label;
  }

  /** Parses an option value, naming the flag and the choices when it is none of them. */
  public static KMeansAlgorithm parse(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    for (KMeansAlgorithm algorithm : values()) {
      if (algorithm.label.equals(wanted)) {
        return algorithm;
      }
    }
    throw new IllegalArgumentException(
        "--kmeans must be full, mini-batch or auto, got '" + text + "'");
  }

  /** The algorithm that runs on {@code points} points: this one, or for auto the one it picks. */
  public KMeansAlgorithm resolve(int points) {
    if (this != AUTO) {
      return this;
    }
    return points > MINI_BATCH_ABOVE ? MINI_BATCH : FULL;
  }

  /**
   * Fits {@code points} with the algorithm {@link #resolve} picks. Mini-batch k-means takes its
   * cluster count and number of starts from {@code settings}; its batches and stopping rule are
   * {@link MiniBatchSettings#of}'s.
   */
  public KMeansResult fit(Points points, KMeansSettings settings, long seed) {
    return switch (resolve(points.count())) {
      case MINI_BATCH ->
          MiniBatchKMeans.fit(
              points, MiniBatchSettings.of(settings.clusters(), settings.restarts()), seed);
      default -> KMeans.fit(points, settings, seed);
    };
  }
}
