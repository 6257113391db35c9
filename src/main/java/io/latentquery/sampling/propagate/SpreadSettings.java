package io.latentquery.sampling.propagate;

/**
 * How labels spread.
 *
 * @param neighbors k of the k-nearest-neighbour graph; i and j are joined when either is among the
 *     other's k nearest
 * @param alpha in (0, 1): how much a point takes from its neighbours rather than from its own label
 *     (Zhou et al.'s alpha; near 1, labels travel far)
 * @param maxIterations iterations of F = alpha S F + (1 - alpha) Y at most
 * @param tolerance iterations stop when no entry of F changes by more than this fraction of the
 *     largest entry
 */
public record SpreadSettings(int neighbors, double alpha, int maxIterations, double tolerance) {
  public static final int DEFAULT_NEIGHBORS = 10;
  public static final double DEFAULT_ALPHA = 0.99;
  public static final int DEFAULT_MAX_ITERATIONS = 3000;
  public static final double DEFAULT_TOLERANCE = 1e-6;

  public SpreadSettings {
    if (neighbors < 1) {
      throw new IllegalArgumentException("neighbors must be >= 1, got " + neighbors);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("iterations must be >= 1, got " + maxIterations);
    }
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
    }
  }

  /** k = 10, alpha = 0.99, up to 3000 iterations, tolerance 1e-6. */
  public static SpreadSettings defaults() {
    return new SpreadSettings(
        DEFAULT_NEIGHBORS, DEFAULT_ALPHA, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE);
  }
}
