package io.latentquery.sampling.baseline;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.SelectionStrategy;
import io.latentquery.sampling.cluster.KMeansResult;
import io.latentquery.sampling.strategy.StrategyOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code typiclust}: TypiClust (Hacohen, Dekel and Weinshall 2022, "Active Learning on a Budget"),
 * the low-budget strategy that picks the most typical point of each large uncovered cluster, as the
 * authors' code does it. k-means splits Z into k = min(n + labeled, max clusters) clusters (the
 * reference switches to mini-batch k-means above 50 clusters; here full Lloyd runs on pools of at
 * most {@value io.latentquery.sampling.cluster.KMeansAlgorithm#MINI_BATCH_ABOVE} points and
 * mini-batch k-means on larger ones, unless {@code --kmeans} says otherwise: see {@link
 * KMeansRuns}). Clusters are served in the reference's order (fewest labeled points first, then
 * largest first, then lowest id), round after round, each time giving its most typical member that
 * is neither labeled nor selected. So the first round takes one point from each uncovered cluster,
 * largest first; when every cluster is covered the next round starts again from the top.
 *
 * <p>Typicality is recomputed at each pick, over the cluster's members still unselected and
 * unlabeled (c): 1 / mean Euclidean distance from x to its K nearest neighbours in c, K = min(20,
 * |c| / 2) (integer division), so a point already taken no longer shapes the density. With K = 0
 * (|c| = 1) the one member is taken. Ties go to the lowest index. Each cluster's typicality is
 * measured once ({@link ClusterTypicality}; for the clusters the first round serves, up front and
 * on every core), and after a pick only the members that had the taken point among their K nearest
 * are measured again, so a selection costs about one K-nearest-neighbour search per pool point, not
 * one per point and pick.
 *
 * <p>Clusters of at most the minimum size (5) are passed over, as in the reference, which keeps
 * only clusters of more than 5 points. The reference then fails when its clusters run out; here,
 * only when every larger cluster is exhausted do the small ones give points, in the same order, so
 * the budget is always met; the count is recorded as {@code picks_from_small_clusters}.
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
    KMeansResult fit = settings.kmeans().fit(points, k, request.seed());
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
      if (sizes[c] > settings.minClusterSize()) {
        large.add(c);
      } else if (sizes[c] > 0) {
        small.add(c);
      }
    }
    Picker picker = new Picker(points, members, labeled, budget);
    picker.prepare(large.subList(0, Math.min(budget, large.size())));
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
            + ", |c| / 2) nearest neighbours in c, the cluster's unselected and unlabeled members,"
            + " recomputed at each pick");
    parameters.put("labeled", m);
    settings.kmeans().describe(parameters, points.count(), fit);
    return new Selection(picker.indices, distances, picker.clusters, parameters);
  }

  /** Serves clusters round-robin, each giving its most typical member not yet taken. */
  private final class Picker {
    final Points points;
    final int[][] members;
    final boolean[] taken;
    final int[] indices;
    final int[] clusters;
    final Map<Integer, ClusterTypicality> typicality = new ConcurrentHashMap<>();
    int filled;

    Picker(Points points, int[][] members, boolean[] labeled, int budget) {
      this.points = points;
      this.members = members;
      this.taken = labeled.clone();
      this.indices = new int[budget];
      this.clusters = new int[budget];
    }

    /**
     * Measures the typicality of every cluster in {@code clusters} up front, on every core: each
     * cluster's measure depends only on its own members, so the picks are the same as measuring
     * each when it is first served.
     */
    void prepare(List<Integer> clusters) {
      clusters.parallelStream().forEach(c -> typicality.put(c, typicalityOf(c)));
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
          ClusterTypicality cluster = typicality.computeIfAbsent(c, this::typicalityOf);
          int pick = cluster.takeMostTypical();
          if (pick >= 0) {
            taken[pick] = true;
            indices[filled] = pick;
            clusters[filled] = c;
            filled++;
            stillOpen.add(c);
          } else {
            typicality.remove(c);
          }
        }
        open = stillOpen;
      }
    }

    private ClusterTypicality typicalityOf(int c) {
      int[] remaining = Arrays.stream(members[c]).filter(i -> !taken[i]).toArray();
      return new ClusterTypicality(points, remaining, settings.neighbors());
    }
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
