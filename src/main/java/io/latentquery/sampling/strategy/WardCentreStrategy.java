package io.latentquery.sampling.strategy;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.SelectionStrategy;
import io.latentquery.sampling.cluster.CentreRepresentatives;
import io.latentquery.sampling.cluster.WardClustering;
import io.latentquery.sampling.cluster.WardMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ward-centre}: the method's Ward clusters taken to one query per cluster. The pool is cut
 * into k = n + m Ward clusters (m labeled points), and each cluster without a labeled point gives
 * the point nearest its mean, largest cluster first ({@link CentreRepresentatives}). Where the
 * distribution strategies draw several points per cluster at random, this takes each cluster's most
 * central member, so that every region of the latent space is represented once.
 *
 * <p>Exact Ward is deterministic, so where {@code auto} clusters exactly ({@link
 * WardClustering#exactInAuto}) every seed gives the same selection; the approximate mode's k-means
 * is seeded; the selection records which as {@code uses_seed}.
 */
public final class WardCentreStrategy implements SelectionStrategy {
  private final WardMode ward;
  private final Integer centroids;

  /**
   * @param ward exact, approx or auto
   * @param centroids k-means centres of the approximate mode, or null for the default (at least the
   *     cluster count)
   */
  public WardCentreStrategy(WardMode ward, Integer centroids) {
    this.ward = ward;
    this.centroids = centroids;
  }

  /** Reads {@code ward} and {@code ward-centroids}. */
  public static WardCentreStrategy fromOptions(StrategyOptions options) {
    return new WardCentreStrategy(
        options.choice("ward", WardMode::parse).orElse(WardMode.AUTO),
        options.intAtLeast("ward-centroids", 1).stream().boxed().findFirst().orElse(null));
  }

  @Override
  public String name() {
    return "ward-centre";
  }

  @Override
  public Selection select(Points points, SelectionRequest request) {
    request.checkAgainst(points.count());
    boolean[] labeled = new boolean[points.count()];
    for (int i : request.alreadySelected()) {
      labeled[i] = true;
    }
    int k = request.budget() + request.alreadySelected().length;
    int centres = centroids != null ? centroids : Math.max(WardClustering.DEFAULT_CENTROIDS, k);
    WardClustering.Result fit = WardClustering.cluster(points, k, ward, centres, request.seed());
    CentreRepresentatives.Picks picks =
        CentreRepresentatives.pick(
            points,
            CentreRepresentatives.Partition.meansOf(points, fit.clustering()),
            labeled,
            request.budget());
    Map<String, Object> parameters = new TreeMap<>();
    parameters.put("strategy", name());
    parameters.put("clusters", k);
    parameters.put("labeled", request.alreadySelected().length);
    parameters.put("covered_clusters", picks.coveredClusters());
    parameters.put("labeled_rule", "k = n + labeled; clusters holding a labeled point are skipped");
    parameters.put("ward", fit.mode().label());
    parameters.put(SelectionService.USES_SEED, fit.mode() == WardMode.APPROX);
    if (fit.mode() == WardMode.APPROX) {
      parameters.put("ward_centroids", fit.centroids());
    }
    return new Selection(picks.indices(), picks.distances(), picks.clusters(), parameters);
  }
}
