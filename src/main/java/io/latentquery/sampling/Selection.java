package io.latentquery.sampling;

import java.util.Map;
import java.util.TreeMap;

/**
 * The result of a strategy: the chosen point indices in the order chosen, and per point the
 * distance to the draw that picked it (NaN where the strategy has no draw) and its cluster (-1
 * where the strategy does not cluster), plus every parameter actually used (defaults included, e.g.
 * the threshold derived from the data), and the draws themselves: the latent vector z that picked
 * each point (null where none did), artificial examples a decoder can turn into images.
 */
public record Selection(
    int[] indices,
    double[] drawDistances,
    int[] clusters,
    Map<String, Object> parameters,
    double[][] draws) {
  public Selection {
    if (drawDistances.length != indices.length || clusters.length != indices.length) {
      throw new IllegalArgumentException(
          "indices, distances and clusters must have the same length");
    }
    if (draws != null && draws.length != indices.length) {
      throw new IllegalArgumentException("draws must have one entry per selected point");
    }
    indices = indices.clone();
    drawDistances = drawDistances.clone();
    clusters = clusters.clone();
    parameters = java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
    draws = draws == null ? new double[indices.length][] : draws.clone();
  }

  /** A selection whose strategy made no draws. */
  public Selection(
      int[] indices, double[] drawDistances, int[] clusters, Map<String, Object> parameters) {
    this(indices, drawDistances, clusters, parameters, null);
  }

  /** This selection with the draw that picked each point (null where none did). */
  public Selection withDraws(double[][] draws) {
    return new Selection(indices, drawDistances, clusters, parameters, draws);
  }

  /** The draws that picked points, in rank order, skipping points no draw picked. */
  public java.util.List<double[]> madeDraws() {
    return java.util.Arrays.stream(draws).filter(java.util.Objects::nonNull).toList();
  }

  /** A selection with no draws and no clusters. */
  public static Selection of(int[] indices, Map<String, Object> parameters) {
    double[] distances = new double[indices.length];
    java.util.Arrays.fill(distances, Double.NaN);
    int[] clusters = new int[indices.length];
    java.util.Arrays.fill(clusters, -1);
    return new Selection(indices, distances, clusters, parameters);
  }

  public int size() {
    return indices.length;
  }
}
