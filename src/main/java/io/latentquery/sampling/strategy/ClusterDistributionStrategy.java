package io.latentquery.sampling.strategy;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.SelectionStrategy;
import io.latentquery.sampling.cluster.Clustering;
import io.latentquery.sampling.cluster.Quotas;
import io.latentquery.sampling.cluster.WardClustering;
import io.latentquery.sampling.cluster.WardMode;
import io.latentquery.sampling.distribution.LatentDistribution;
import io.latentquery.sampling.neighbors.KdTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * {@code uniform-cluster} and {@code normal-cluster}: cut the pool into k Ward clusters, give each
 * cluster S a quota n_S of the budget ({@link Quotas}: n|S|/N or n/k, largest remainder, a cluster
 * too small giving all its unselected points and the rest shared among the others), fit f to each
 * cluster's encodings and run the draw loop inside the cluster until its quota is met. One
 * threshold, derived from the whole pool unless given, serves every cluster.
 *
 * <p>The selection interleaves the clusters (first pick of cluster 0, of cluster 1, ..., then the
 * second picks) so that any prefix of it is spread over the clusters too. Each cluster draws from
 * its own random stream split from the seed in cluster order.
 */
public final class ClusterDistributionStrategy implements SelectionStrategy {
  private final DistributionFamily family;
  private final DrawSettings draw;
  private final ClusterSettings clusters;

  public ClusterDistributionStrategy(
      DistributionFamily family, DrawSettings draw, ClusterSettings clusters) {
    this.family = family;
    this.draw = draw;
    this.clusters = clusters;
  }

  public static ClusterDistributionStrategy fromOptions(
      DistributionFamily family, StrategyOptions options) {
    return new ClusterDistributionStrategy(
        family, DrawSettings.fromOptions(options), ClusterSettings.fromOptions(options));
  }

  @Override
  public String name() {
    return family.label() + "-cluster";
  }

  @Override
  public Selection select(Points points, SelectionRequest request) {
    request.checkAgainst(points.count());
    int n = points.count();
    double threshold =
        draw.threshold() != null
            ? draw.threshold()
            : Threshold.fromData(points, new KdTree(points, draw.metric()), request.seed());
    WardClustering.Result ward =
        WardClustering.cluster(
            points, clusters.clusters(), clusters.ward(), clusters.centroids(), request.seed());
    Clustering clustering = ward.clustering();
    int k = clustering.clusters();
    int[][] members = clustering.members();
    boolean[] labeled = new boolean[n];
    for (int i : request.alreadySelected()) {
      labeled[i] = true;
    }
    int[] sizes = clustering.sizes();
    int[] capacity = new int[k];
    for (int c = 0; c < k; c++) {
      for (int i : members[c]) {
        capacity[c] += labeled[i] ? 0 : 1;
      }
    }
    int[] quotas = Quotas.allocate(sizes, capacity, request.budget(), clusters.quota());
    int maxMisses = draw.maxMissesFor(request.budget());
    SplittableRandom root = new SplittableRandom(request.seed());
    List<List<DrawLoop.Pick>> picks = new ArrayList<>();
    List<Map<String, Object>> distributions = new ArrayList<>();
    long draws = 0;
    for (int c = 0; c < k; c++) {
      SplittableRandom rng = root.split();
      Points cluster = points.subset(members[c]);
      LatentDistribution f = family.fit(cluster);
      distributions.add(f.describe());
      List<DrawLoop.Pick> local = new ArrayList<>();
      if (quotas[c] == capacity[c]) {
        for (int j = 0; j < members[c].length; j++) {
          if (!labeled[members[c][j]]) {
            local.add(new DrawLoop.Pick(j, Double.NaN, null));
          }
        }
      } else if (quotas[c] > 0) {
        KdTree tree = new KdTree(cluster, draw.metric());
        for (int j = 0; j < members[c].length; j++) {
          if (labeled[members[c][j]]) {
            tree.remove(j);
          }
        }
        DrawLoop loop =
            new DrawLoop(tree, f, new DrawLoop.Config(threshold, draw.take(), maxMisses));
        local =
            loop.take(
                quotas[c], rng, name() + " cluster " + c + " of " + members[c].length + " points");
        draws += loop.draws();
      }
      List<DrawLoop.Pick> global = new ArrayList<>(local.size());
      for (DrawLoop.Pick pick : local) {
        global.add(new DrawLoop.Pick(members[c][pick.index()], pick.distance(), pick.draw()));
      }
      picks.add(global);
    }
    int[] indices = new int[request.budget()];
    double[] distances = new double[indices.length];
    int[] clusterOf = new int[indices.length];
    double[][] drawn = new double[indices.length][];
    int filled = 0;
    for (int round = 0; filled < indices.length; round++) {
      for (int c = 0; c < k; c++) {
        if (round < picks.get(c).size()) {
          indices[filled] = picks.get(c).get(round).index();
          distances[filled] = picks.get(c).get(round).distance();
          drawn[filled] = picks.get(c).get(round).draw();
          clusterOf[filled] = c;
          filled++;
        }
      }
    }
    Map<String, Object> parameters = new TreeMap<>();
    parameters.put("strategy", name());
    parameters.put("clusters", k);
    parameters.put("ward", ward.mode().label());
    if (ward.mode() == WardMode.APPROX) {
      parameters.put("ward_centroids", ward.centroids());
    }
    parameters.put("quota", clusters.quota().label());
    parameters.put("cluster_sizes", sizes);
    parameters.put("cluster_quotas", quotas);
    parameters.put("distributions", distributions);
    parameters.put("draws", draws);
    DistributionStrategy.putDrawParameters(parameters, draw, threshold, maxMisses);
    return new Selection(indices, distances, clusterOf, parameters).withDraws(drawn);
  }
}
