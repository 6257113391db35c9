package io.latentquery.sampling.neighbors;

import java.util.Locale;

/**
 * A Minkowski distance between points. Searches compare "reduced" distances (the squared distance
 * for Euclidean) so the hot loops take no square roots; every reduced distance is monotone in the
 * true distance, and the per-coordinate gap to a box bounds it from below, which is what lets
 * {@link KdTree} prune.
 */
public enum Metric {
  EUCLIDEAN,
  MANHATTAN,
  CHEBYSHEV;

  /** The reduced form of a distance: the square for Euclidean, the distance itself otherwise. */
  public double reduce(double distance) {
    return this == EUCLIDEAN ? distance * distance : distance;
  }

  /** The true distance of a reduced one. */
  public double expand(double reduced) {
    return this == EUCLIDEAN ? Math.sqrt(reduced) : reduced;
  }

  /** Adds one coordinate's absolute difference to a reduced distance. */
  double accumulate(double reduced, double gap) {
    return switch (this) {
      case EUCLIDEAN -> reduced + gap * gap;
      case MANHATTAN -> reduced + gap;
      case CHEBYSHEV -> Math.max(reduced, gap);
    };
  }

  /** The distance between two points of equal dimension. */
  public double distance(double[] a, double[] b) {
    return expand(reduced(a, b));
  }

  /**
   * The reduced distance between two points of equal dimension, as {@link KdTree} compares it with
   * a reduced radius (a search "within t" keeps points whose reduced distance is at most {@code
   * reduce(t)}).
   */
  public double reduced(double[] a, double[] b) {
    double reduced = 0;
    for (int d = 0; d < a.length; d++) {
      reduced = accumulate(reduced, Math.abs(a[d] - b[d]));
    }
    return reduced;
  }

  /** The command-line name: {@code euclidean}, {@code manhattan}, {@code chebyshev}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Metric parse(String text) {
    for (Metric metric : values()) {
      if (metric.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return metric;
      }
    }
    throw new IllegalArgumentException(
        "metric must be euclidean, manhattan or chebyshev, got '" + text + "'");
  }
}
