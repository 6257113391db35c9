package io.latentquery.sampling.baseline;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.SelectionStrategy;
import io.latentquery.sampling.cluster.KMeansResult;
import io.latentquery.sampling.strategy.StrategyOptions;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

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
 * (|c| = 1) the one member is taken. Ties go to the lowest index. Which cluster gives each pick
 * depends on the cluster sizes alone ({@link TypiClustSchedule}), so each cluster makes its own
 * picks apart, on every core ({@link ClusterTypicality#mostTypical}): its typicality is measured
 * once, and after a pick only the members that had the taken point among their K nearest are
 * measured again, so a selection costs about one K-nearest-neighbour search per pool point, not one
 * per point and pick.
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
    TypiClustSchedule schedule =
        TypiClustSchedule.of(sizes, labeledIn, settings.minClusterSize(), budget);
    int[] count = schedule.picksPerCluster(k);
    int[][] picks = new int[k][];
    IntStream.range(0, k)
        .filter(c -> count[c] > 0)
        .parallel()
        .forEach(
            c -> {
              int[] free = Arrays.stream(members[c]).filter(i -> !labeled[i]).toArray();
              picks[c] =
                  ClusterTypicality.mostTypical(points, free, settings.neighbors(), count[c]);
            });
    int[] indices = schedule.assemble(picks);
    double[] distances = new double[budget];
    Arrays.fill(distances, Double.NaN);
    Map<String, Object> parameters = describe(settings, k, schedule, m);
    settings.kmeans().describe(parameters, points.count(), fit);
    return new Selection(indices, distances, schedule.clusters(), parameters);
  }

  /**
   * The parameters of a typiclust selection but the k-means', which the caller adds: its clusters,
   * the schedule's counts and the typicality rule.
   */
  public static Map<String, Object> describe(
      TypiClustSettings settings, int k, TypiClustSchedule schedule, int labeled) {
    Map<String, Object> parameters = new TreeMap<>();
    parameters.put("strategy", "typiclust");
    parameters.put("clusters", k);
    parameters.put("max_clusters", settings.maxClusters());
    parameters.put("min_cluster_size", settings.minClusterSize());
    parameters.put("large_clusters", schedule.largeClusters());
    parameters.put("picks_from_small_clusters", schedule.fromSmall());
    parameters.put("neighbors", settings.neighbors());
    parameters.put(
        "typicality",
        "1 / mean distance to the min("
            + settings.neighbors()
            + ", |c| / 2) nearest neighbours in c, the cluster's unselected and unlabeled members,"
            + " recomputed at each pick");
    parameters.put("labeled", labeled);
    return parameters;
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
