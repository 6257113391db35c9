package io.latentquery.sampling.baseline;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.SelectionStrategy;
import io.latentquery.sampling.cluster.KMeans;
import io.latentquery.sampling.cluster.KMeansResult;
import io.latentquery.sampling.neighbors.KdTree;
import io.latentquery.sampling.neighbors.Neighbor;
import io.latentquery.sampling.strategy.StrategyOptions;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code kmeans}: the classic representative-sampling baseline. Seeded k-means++ with k = n on Z
 * (several starts, lowest inertia kept), then the pool point nearest each centroid.
 *
 * <p>With m already-labeled points, k-means runs with k = n + m clusters; a cluster holding a
 * labeled point counts as covered, and the n largest uncovered clusters (at least n exist, since m
 * labeled points cover at most m clusters) each give their point nearest the centroid. So a second
 * round adds representatives of the regions the first round left out, and with no labeled points
 * this is plain k = n.
 *
 * <p>Centroids are served largest cluster first, each taking the nearest point not yet selected or
 * labeled, so two centroids never share a point (the second takes its next nearest) and any prefix
 * of the selection holds the largest clusters. The draw distance of a pick is its distance to its
 * centroid, and its cluster is the k-means cluster.
 */
public final class KMeansStrategy implements SelectionStrategy {
  private final KMeansRuns runs;

  public KMeansStrategy(KMeansRuns runs) {
    this.runs = runs;
  }

  /** Reads {@code kmeans-restarts}. */
  public static KMeansStrategy fromOptions(StrategyOptions options) {
    return new KMeansStrategy(KMeansRuns.fromOptions(options));
  }

  @Override
  public String name() {
    return "kmeans";
  }

  @Override
  public Selection select(Points points, SelectionRequest request) {
    boolean[] labeled = Labeled.mask(points, request);
    int m = Labeled.count(labeled);
    int budget = request.budget();
    int k = budget + m;
    KMeansResult fit = KMeans.fit(points, runs.settings(k), request.seed());
    int[] assignments = fit.assignments();
    int[] sizes = fit.sizes();
    boolean[] covered = new boolean[k];
    for (int i = 0; i < labeled.length; i++) {
      if (labeled[i]) {
        covered[assignments[i]] = true;
      }
    }
    Integer[] order = new Integer[k];
    for (int c = 0; c < k; c++) {
      order[c] = c;
    }
    Arrays.sort(
        order,
        (a, b) ->
            sizes[a] != sizes[b] ? Integer.compare(sizes[b], sizes[a]) : Integer.compare(a, b));
    KdTree tree = new KdTree(points);
    for (int i = 0; i < labeled.length; i++) {
      if (labeled[i]) {
        tree.remove(i);
      }
    }
    int[] indices = new int[budget];
    double[] distances = new double[budget];
    int[] clusters = new int[budget];
    int filled = 0;
    int coveredClusters = 0;
    for (int c : order) {
      if (covered[c]) {
        coveredClusters++;
        continue;
      }
      if (filled == budget) {
        continue;
      }
      Neighbor nearest = tree.nearest(fit.centroids().point(c), Double.POSITIVE_INFINITY, true);
      tree.remove(nearest.index());
      indices[filled] = nearest.index();
      distances[filled] = nearest.distance();
      clusters[filled] = c;
      filled++;
    }
    Map<String, Object> parameters = new TreeMap<>();
    parameters.put("strategy", name());
    parameters.put("clusters", k);
    parameters.put("labeled", m);
    parameters.put("covered_clusters", coveredClusters);
    parameters.put("labeled_rule", "k = n + labeled; clusters holding a labeled point are skipped");
    parameters.put("inertia", fit.inertia());
    parameters.put("kmeans_iterations", fit.iterations());
    runs.describe(parameters);
    return new Selection(indices, distances, clusters, parameters);
  }
}
