package io.latentquery.sampling.cluster;

import io.latentquery.sampling.Points;

/**
 * A k-means fit.
 *
 * @param centroids k centroids (a centroid whose cluster ended empty keeps its last position)
 * @param assignments the cluster of every point: its nearest centroid
 * @param sizes points per cluster
 * @param inertia the sum of squared distances from each point to its centroid
 * @param iterations Lloyd iterations of the kept start
 */
public record KMeansResult(
    Points centroids, int[] assignments, int[] sizes, double inertia, int iterations) {
  public KMeansResult {
    assignments = assignments.clone();
    sizes = sizes.clone();
  }

  @Override
  public int[] assignments() {
    return assignments.clone();
  }

  @Override
  public int[] sizes() {
    return sizes.clone();
  }
}
