package io.latentquery.sampling.strategy;

import io.latentquery.sampling.Selection;
import io.latentquery.sampling.cluster.Quotas;
import io.latentquery.sampling.distribution.LatentDistribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The per-cluster part of {@code uniform-cluster} and {@code normal-cluster}, whatever holds the
 * points: quotas by {@link Quotas}, then cluster by cluster in order, each with its own random
 * stream split from the seed, f fitted to the cluster and the draw loop run inside it until its
 * quota is met (a cluster whose quota is all it can give gives every unselected point, no draws),
 * and finally the clusters' picks interleaved (first pick of cluster 0, of cluster 1, ..., then the
 * second picks) so that any prefix of the selection is spread over the clusters too. The
 * single-machine strategy and the Spark job differ only in their {@link Source}.
 */
public final class ClusterDraws {
  /** Where the clusters' points live. Picks carry pool indices. */
  public interface Source {
    /** f fitted to the points of {@code cluster}. */
    LatentDistribution fit(int cluster);

    /** Every unselected point of {@code cluster}, by ascending pool index, with no draw. */
    List<DrawLoop.Pick> everyUnselected(int cluster);

    /** {@code quota} points of {@code cluster} taken by the draw loop from f with {@code rng}. */
    Taken draw(int cluster, Quota quota, SplittableRandom rng);
  }

  /** A cluster's quota and what its draws need. */
  public record Quota(int quota, LatentDistribution f, DrawLoop.Config config, String where) {}

  /** The points a cluster's draws took and how many draws it made. */
  public record Taken(List<DrawLoop.Pick> picks, long draws) {}

  /**
   * What the clustering gave.
   *
   * @param sizes the points in each cluster
   * @param capacity the unselected points in each cluster
   * @param ward the Ward mode used, as recorded ({@code exact}, {@code approx}, ...)
   * @param centroids the k-means centres Ward ran on; 0 when Ward ran on every point
   */
  public record Cut(int[] sizes, int[] capacity, String ward, int centroids) {}

  /**
   * How to select.
   *
   * @param strategy the strategy's name, as recorded
   * @param request the budget and seed
   * @param draw the draw settings
   * @param threshold t, already derived when the user gave none
   * @param clusters the clustering settings (the quota rule is read here)
   */
  public record Plan(
      String strategy,
      io.latentquery.sampling.SelectionRequest request,
      DrawSettings draw,
      double threshold,
      ClusterSettings clusters) {}

  private ClusterDraws() {}

  /** The selection, its clusters, draws and parameters. */
  public static Selection select(Plan plan, Cut cut, Source source) {
    int budget = plan.request().budget();
    int k = cut.sizes().length;
    int[] quotas = Quotas.allocate(cut.sizes(), cut.capacity(), budget, plan.clusters().quota());
    int maxMisses = plan.draw().maxMissesFor(budget);
    DrawLoop.Config config = new DrawLoop.Config(plan.threshold(), plan.draw().take(), maxMisses);
    SplittableRandom root = new SplittableRandom(plan.request().seed());
    List<List<DrawLoop.Pick>> picks = new ArrayList<>();
    List<Map<String, Object>> distributions = new ArrayList<>();
    long draws = 0;
    for (int c = 0; c < k; c++) {
      SplittableRandom rng = root.split();
      LatentDistribution f = source.fit(c);
      distributions.add(f.describe());
      List<DrawLoop.Pick> taken = List.of();
      if (quotas[c] == cut.capacity()[c]) {
        taken = source.everyUnselected(c);
      } else if (quotas[c] > 0) {
        String where = plan.strategy() + " cluster " + c + " of " + cut.sizes()[c] + " points";
        Taken drawn = source.draw(c, new Quota(quotas[c], f, config, where), rng);
        taken = drawn.picks();
        draws += drawn.draws();
      }
      picks.add(taken);
    }
    Map<String, Object> parameters = new TreeMap<>();
    parameters.put("strategy", plan.strategy());
    parameters.put("clusters", k);
    parameters.put("ward", cut.ward());
    if (cut.centroids() > 0) {
      parameters.put("ward_centroids", cut.centroids());
    }
    parameters.put("quota", plan.clusters().quota().label());
    parameters.put("cluster_sizes", cut.sizes());
    parameters.put("cluster_quotas", quotas);
    parameters.put("distributions", distributions);
    parameters.put("draws", draws);
    DistributionStrategy.putDrawParameters(parameters, plan.draw(), plan.threshold(), maxMisses);
    return interleave(picks, budget, parameters);
  }

  /** The clusters' picks interleaved round by round, cluster by cluster. */
  static Selection interleave(
      List<List<DrawLoop.Pick>> picks, int budget, Map<String, Object> parameters) {
    int[] indices = new int[budget];
    double[] distances = new double[budget];
    int[] clusterOf = new int[budget];
    double[][] drawn = new double[budget][];
    int filled = 0;
    for (int round = 0; filled < budget; round++) {
      int before = filled;
      for (int c = 0; c < picks.size(); c++) {
        if (round < picks.get(c).size()) {
          DrawLoop.Pick pick = picks.get(c).get(round);
          indices[filled] = pick.index();
          distances[filled] = pick.distance();
          drawn[filled] = pick.draw();
          clusterOf[filled] = c;
          filled++;
        }
      }
      if (filled == before) {
        throw new IllegalStateException(
            "the clusters gave " + filled + " of " + budget + " points");
      }
    }
    return new Selection(indices, distances, clusterOf, parameters).withDraws(drawn);
  }
}
