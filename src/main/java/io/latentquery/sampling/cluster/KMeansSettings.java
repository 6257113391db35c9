package io.latentquery.sampling.cluster;

/**
 * How k-means runs.
 *
 * @param clusters k, at least 1
 * @param restarts independent k-means++ starts; the one with the lowest inertia is kept
 * @param maxIterations Lloyd iterations per start, at most
 * @param tolerance a start stops when an iteration lowers the inertia by less than this fraction
 */
public record KMeansSettings(int clusters, int restarts, int maxIterations, double tolerance) {
  public KMeansSettings {
    if (clusters < 1) {
      throw new IllegalArgumentException("k-means clusters must be >= 1, got " + clusters);
    }
    if (restarts < 1) {
      throw new IllegalArgumentException("k-means restarts must be >= 1, got " + restarts);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("k-means iterations must be >= 1, got " + maxIterations);
    }
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("k-means tolerance must be >= 0, got " + tolerance);
    }
  }

  /** k clusters, 4 restarts, up to 100 iterations, tolerance 1e-6. */
  public static KMeansSettings of(int clusters) {
    return new KMeansSettings(clusters, 4, 100, 1e-6);
  }
}
