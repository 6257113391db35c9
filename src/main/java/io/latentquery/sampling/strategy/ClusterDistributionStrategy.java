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
import java.util.SplittableRandom;

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
    int[] capacity = new int[k];
    for (int c = 0; c < k; c++) {
      for (int i : members[c]) {
        capacity[c] += labeled[i] ? 0 : 1;
      }
    }
    ClusterDraws.Cut cut =
        new ClusterDraws.Cut(
            clustering.sizes(),
            capacity,
            ward.mode().label(),
            ward.mode() == WardMode.APPROX ? ward.centroids() : 0);
    ClusterDraws.Source source =
        new ClusterDraws.Source() {
          @Override
          public LatentDistribution fit(int c) {
            return family.fit(points.subset(members[c]));
          }

          @Override
          public List<DrawLoop.Pick> everyUnselected(int c) {
            List<DrawLoop.Pick> all = new ArrayList<>();
            for (int i : members[c]) {
              if (!labeled[i]) {
                all.add(new DrawLoop.Pick(i, Double.NaN, null));
              }
            }
            return all;
          }

          @Override
          public ClusterDraws.Taken draw(int c, ClusterDraws.Quota quota, SplittableRandom rng) {
            KdTree tree = new KdTree(points.subset(members[c]), draw.metric());
            for (int j = 0; j < members[c].length; j++) {
              if (labeled[members[c][j]]) {
                tree.remove(j);
              }
            }
            DrawLoop loop = new DrawLoop(tree, quota.f(), quota.config());
            List<DrawLoop.Pick> global = new ArrayList<>();
            for (DrawLoop.Pick pick : loop.take(quota.quota(), rng, quota.where())) {
              global.add(new DrawLoop.Pick(members[c][pick.index()], pick.distance(), pick.draw()));
            }
            return new ClusterDraws.Taken(global, loop.draws());
          }
        };
    return ClusterDraws.select(
        new ClusterDraws.Plan(name(), request, draw, threshold, clusters), cut, source);
  }
}
