package io.latentquery.sampling.cluster;

import java.util.Locale;

/**
 * Exact Ward on every point, or the approximate mode for large pools: k-means to a few thousand
 * centroids, then Ward on the centroids weighted by their cluster sizes. {@code auto} is exact up
 * to {@link WardClustering#AUTO_EXACT_LIMIT} points in at most {@link
 * WardClustering#AUTO_EXACT_MAX_DIM} dimensions, and up to {@link
 * WardClustering#AUTO_EXACT_LIMIT_ANY_DIM} points in any.
 */
public enum WardMode {
  EXACT,
  APPROX,
  AUTO;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static WardMode parse(String text) {
    for (WardMode mode : values()) {
      if (mode.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "ward mode must be exact, approx or auto, got '" + text + "'");
  }
}
