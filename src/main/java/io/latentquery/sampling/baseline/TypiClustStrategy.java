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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code typiclust}: TypiClust (Hacohen, Dekel and Weinshall 2022, "Active Learning on a Budget"),
 * the low-budget strategy that picks the most typical point of each large uncovered cluster.
 * k-means splits Z into k = min(n + labeled, max clusters) clusters; clusters are served in the
 * reference code's order (fewest labeled points first, then largest first, then lowest id), round
 * after round, each time giving its most typical point not yet selected or labeled. So the first
 * round takes one point from each uncovered cluster, largest first; when every cluster is covered
 * the next round starts again from the top with the next most typical points.
 *
 * <p>Typicality(x) = 1 / (mean Euclidean distance from x to its k nearest neighbours in its
 * cluster), k = min(20, |cluster| - 1); it is computed once per cluster over all the cluster's
 * points, labeled ones included (they are part of the density), and only for clusters actually
 * visited. Clusters with fewer than the minimum size are skipped as in the reference (there "more
 * than 5" points; here "at least 5"); only when every larger cluster is exhausted do the small ones
 * give points, in the same order, so the budget is always met.
 */
public final class TypiClustStrategy implements SelectionStrategy {
  private final TypiClustSettings settings;

  public TypiClustStrategy(TypiClustSettings settings) {
    this.settings = settings;
  }

  public static TypiClustStrategy fromOptions(StrategyOptions options) {
    return new TypiClustStrategy(TypiClustSettings.fromOptions(options));
  }

  @Override
  public String name() {
    return "typiclust";
  }

  @Override
  public Selection select(Points points, SelectionRequest request) {
    boolean[] labeled = Labeled.mask(points, request);
    int m = Labeled.count(labeled);
    int budget = request.budget();
    int k = Math.min(budget + m, settings.maxClusters());
    KMeansResult fit = KMeans.fit(points, settings.kmeans().settings(k), request.seed());
    int[] assignments = fit.assignments();
    int[] sizes = fit.sizes();
    int[][] members = members(assignments, sizes);
    int[] labeledIn = new int[k];
    for (int i = 0; i < labeled.length; i++) {
      if (labeled[i]) {
        labeledIn[assignments[i]]++;
      }
    }
    Integer[] order = new Integer[k];
    for (int c = 0; c < k; c++) {
      order[c] = c;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          if (labeledIn[a] != labeledIn[b]) {
            return Integer.compare(labeledIn[a], labeledIn[b]);
          }
          return sizes[a] != sizes[b] ? Integer.compare(sizes[b], sizes[a]) : Integer.compare(a, b);
        });
    List<Integer> large = new ArrayList<>();
    List<Integer> small = new ArrayList<>();
    for (int c : order) {
      if (sizes[c] >= settings.minClusterSize()) {
        large.add(c);
      } else if (sizes[c] > 0) {
        small.add(c);
      }
    }
    Picker picker = new Picker(points, members, labeled, budget);
    picker.serve(large);
    int fromLarge = picker.filled;
    picker.serve(small);
    int fromSmall = picker.filled - fromLarge;
    double[] distances = new double[budget];
    Arrays.fill(distances, Double.NaN);
    Map<String, Object> parameters = new TreeMap<>();
    parameters.put("strategy", name());
    parameters.put("clusters", k);
    parameters.put("max_clusters", settings.maxClusters());
    parameters.put("min_cluster_size", settings.minClusterSize());
    parameters.put("large_clusters", large.size());
    parameters.put("picks_from_small_clusters", fromSmall);
    parameters.put("neighbors", settings.neighbors());
    parameters.put(
        "typicality",
        "1 / mean distance to the min("
            + settings.neighbors()
            + ", |cluster| - 1) nearest neighbours in the cluster");
    parameters.put("labeled", m);
    parameters.put("inertia", fit.inertia());
    parameters.put("kmeans_iterations", fit.iterations());
    settings.kmeans().describe(parameters);
    return new Selection(picker.indices, distances, picker.clusters, parameters);
  }

  /** Serves clusters round-robin, each giving its most typical point not yet taken. */
  private final class Picker {
    final Points points;
    final int[][] members;
    final int[][] ranked;
    final int[] cursor;
    final boolean[] taken;
    final int[] indices;
    final int[] clusters;
    int filled;

    Picker(Points points, int[][] members, boolean[] labeled, int budget) {
      this.points = points;
      this.members = members;
      this.ranked = new int[members.length][];
      this.cursor = new int[members.length];
      this.taken = labeled.clone();
      this.indices = new int[budget];
      this.clusters = new int[budget];
    }

    /** Rounds over {@code order} until the budget is met or every cluster there is exhausted. */
    void serve(List<Integer> order) {
      List<Integer> open = new ArrayList<>(order);
      while (filled < indices.length && !open.isEmpty()) {
        List<Integer> stillOpen = new ArrayList<>(open.size());
        for (int c : open) {
          if (filled == indices.length) {
            break;
          }
          int pick = next(c);
          if (pick >= 0) {
            taken[pick] = true;
            indices[filled] = pick;
            clusters[filled] = c;
            filled++;
            stillOpen.add(c);
          }
        }
        open = stillOpen;
      }
    }

    /** Cluster c's most typical point not yet taken, or -1. */
    private int next(int c) {
      if (ranked[c] == null) {
        ranked[c] = byTypicality(points, members[c]);
      }
      while (cursor[c] < ranked[c].length && taken[ranked[c][cursor[c]]]) {
        cursor[c]++;
      }
      return cursor[c] < ranked[c].length ? ranked[c][cursor[c]++] : -1;
    }
  }

  /** The members of one cluster, most typical first (lowest mean k-NN distance; ties by index). */
  private int[] byTypicality(Points points, int[] cluster) {
    int size = cluster.length;
    int neighbors = Math.min(settings.neighbors(), size - 1);
    double[] meanDistance = new double[size];
    if (neighbors > 0) {
      Points local = points.subset(cluster);
      KdTree tree = new KdTree(local);
      double[] query = new double[local.dim()];
      for (int j = 0; j < size; j++) {
        local.copyPoint(j, query);
        double sum = 0;
        int used = 0;
        for (Neighbor neighbor : tree.kNearest(query, neighbors + 1, false)) {
          if (neighbor.index() != j && used < neighbors) {
            sum += neighbor.distance();
            used++;
          }
        }
        meanDistance[j] = sum / used;
      }
    }
    Integer[] order = new Integer[size];
    for (int j = 0; j < size; j++) {
      order[j] = j;
    }
    Arrays.sort(
        order,
        (a, b) ->
            meanDistance[a] != meanDistance[b]
                ? Double.compare(meanDistance[a], meanDistance[b])
                : Integer.compare(cluster[a], cluster[b]));
    int[] ranked = new int[size];
    for (int j = 0; j < size; j++) {
      ranked[j] = cluster[order[j]];
    }
    return ranked;
  }

  private static int[][] members(int[] assignments, int[] sizes) {
    int[][] members = new int[sizes.length][];
    for (int c = 0; c < sizes.length; c++) {
      members[c] = new int[sizes[c]];
    }
    int[] fill = new int[sizes.length];
    for (int i = 0; i < assignments.length; i++) {
      members[assignments[i]][fill[assignments[i]]++] = i;
    }
    return members;
  }
}
