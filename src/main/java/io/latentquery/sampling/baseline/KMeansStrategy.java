package io.latentquery.sampling.baseline;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.SelectionStrategy;
import io.latentquery.sampling.cluster.CentreRepresentatives;
import io.latentquery.sampling.cluster.KMeansResult;
import io.latentquery.sampling.strategy.StrategyOptions;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code kmeans}: the classic representative-sampling baseline. Seeded k-means++ with k = n on Z
 * (several starts, lowest inertia kept), then the pool point nearest each centroid. Pools of more
 * than {@value io.latentquery.sampling.cluster.KMeansAlgorithm#MINI_BATCH_ABOVE} points run
 * mini-batch k-means instead of full Lloyd unless {@code --kmeans full} asks otherwise ({@link
 * KMeansRuns}); which one ran is recorded as {@code kmeans_algorithm}.
 *
 * <p>With m already-labeled points, k-means runs with k = n + m clusters; a cluster holding a
 * labeled point counts as covered, and the n largest uncovered clusters (at least n exist, since m
 * labeled points cover at most m clusters) each give their point nearest the centroid. So a second
 * round adds representatives of the regions the first round left out, and with no labeled points
 * this is plain k = n.
 *
 * <p>Centroids are served as {@link CentreRepresentatives} serves them: largest cluster first, each
 * taking the nearest point not yet selected or labeled. The draw distance of a pick is its distance
 * to its centroid, and its cluster is the k-means cluster.
 */
public final class KMeansStrategy implements SelectionStrategy {
  private final KMeansRuns runs;

  public KMeansStrategy(KMeansRuns runs) {
    this.runs = runs;
  }

  /** Reads {@code kmeans-restarts} and {@code kmeans}. */
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
    KMeansResult fit = runs.fit(points, k, request.seed());
    CentreRepresentatives.Picks picks =
        CentreRepresentatives.pick(
            points,
            new CentreRepresentatives.Partition(fit.assignments(), fit.centroids()),
            labeled,
            budget);
    Map<String, Object> parameters = new TreeMap<>();
    parameters.put("strategy", name());
    parameters.put("clusters", k);
    parameters.put("labeled", m);
    parameters.put("covered_clusters", picks.coveredClusters());
    parameters.put("labeled_rule", "k = n + labeled; clusters holding a labeled point are skipped");
    runs.describe(parameters, points.count(), fit);
    return new Selection(picks.indices(), picks.distances(), picks.clusters(), parameters);
  }
}
