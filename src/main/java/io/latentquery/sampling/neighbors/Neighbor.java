package io.latentquery.sampling.neighbors;

/**
 * A point found by a search: its index in the indexed {@code Points} and its distance to the query.
 */
public record Neighbor(int index, double distance) implements Comparable<Neighbor> {
  /** Nearer first; equal distances by lower index, so results never depend on traversal order. */
  @Override
  public int compareTo(Neighbor other) {
    int byDistance = Double.compare(distance, other.distance);
    return byDistance != 0 ? byDistance : Integer.compare(index, other.index);
  }
}
