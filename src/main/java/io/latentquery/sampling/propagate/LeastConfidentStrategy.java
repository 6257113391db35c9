package io.latentquery.sampling.propagate;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.SelectionStrategy;
import io.latentquery.sampling.cluster.KMeans;
import io.latentquery.sampling.cluster.KMeansResult;
import io.latentquery.sampling.cluster.KMeansSettings;
import io.latentquery.sampling.strategy.StrategyOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * {@code least-confident}: the next round of labels goes where spread labels are least sure, spread
 * over the latent space. The labels of the points already labeled spread over the pool ({@link
 * LabelPropagation}); the {@code candidate-factor} x n least confident unlabeled points are
 * clustered by k-means into n clusters, and each cluster gives its least confident point (ties by
 * lower index). Taking the n least confident points alone would spend the round on one confused
 * region; the clusters spread it over every uncertain one. Needs labeled points with their classes
 * ({@code lq sample --labeled FILE} with a labels file).
 */
public final class LeastConfidentStrategy implements SelectionStrategy {
  public static final String NAME = "least-confident";
  public static final int DEFAULT_CANDIDATE_FACTOR = 10;

  private final SpreadSettings spread;
  private final int candidateFactor;
  private final KnownLabels labels;

  /**
   * @param labels the already-labeled points with their classes, or null when the caller gave none
   *     (select then refuses)
   */
  public LeastConfidentStrategy(SpreadSettings spread, int candidateFactor, KnownLabels labels) {
    if (candidateFactor < 1) {
      throw new IllegalArgumentException("candidate-factor must be >= 1, got " + candidateFactor);
    }
    this.spread = spread;
    this.candidateFactor = candidateFactor;
    this.labels = labels;
  }

  /** Reads {@code neighbors}, {@code alpha} and {@code candidate-factor}, and the known labels. */
  public static LeastConfidentStrategy fromOptions(StrategyOptions options) {
    SpreadSettings defaults = SpreadSettings.defaults();
    SpreadSettings spread =
        new SpreadSettings(
            options.intAtLeast("neighbors", 1).orElse(defaults.neighbors()),
            options.positiveDouble("alpha").orElse(defaults.alpha()),
            defaults.maxIterations(),
            defaults.tolerance());
    int factor = options.intAtLeast("candidate-factor", 1).orElse(DEFAULT_CANDIDATE_FACTOR);
    return new LeastConfidentStrategy(spread, factor, options.knownLabels().orElse(null));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Selection select(Points points, SelectionRequest request) {
    if (labels == null) {
      throw new IllegalArgumentException(
          NAME + " needs the labels of the first round: --labeled FILE with id,label");
    }
    request.checkAgainst(points.count());
    boolean[] taken = new boolean[points.count()];
    for (int index : request.alreadySelected()) {
      taken[index] = true;
    }
    for (int index : labels.indices()) {
      taken[index] = true;
    }
    LabelPropagation.Result result = LabelPropagation.run(points, labels, spread);
    Picks picks =
        pick(points, result.confidence(), taken, request.budget(), candidateFactor, request.seed());
    Map<String, Object> parameters = new TreeMap<>();
    parameters.put("strategy", NAME);
    parameters.put("neighbors", spread.neighbors());
    parameters.put("alpha", spread.alpha());
    parameters.put("iterations", result.iterations());
    parameters.put("converged", result.converged());
    parameters.put("candidate_factor", candidateFactor);
    parameters.put("candidates", picks.candidates());
    parameters.put("labeled", labels.size());
    parameters.put("unreached", result.stats().unreached());
    double highest = 0;
    for (int index : picks.indices()) {
      highest = Math.max(highest, result.confidence()[index]);
    }
    parameters.put("largest_selected_confidence", highest);
    double[] distances = new double[picks.indices().length];
    Arrays.fill(distances, Double.NaN);
    return new Selection(picks.indices(), distances, picks.clusters(), parameters);
  }

  /**
   * Chosen points in order of rising confidence, the k-means cluster of each among the candidates,
   * and how many candidates there were.
   */
  public record Picks(int[] indices, int[] clusters, int candidates) {}

  /**
   * The choice itself, given every point's confidence: the {@code factor} x {@code budget} least
   * confident points not {@code taken}, clustered into {@code budget} k-means clusters (seeded),
   * the least confident point of each; a cluster that ends empty leaves its place to the least
   * confident candidate not yet chosen.
   */
  public static Picks pick(
      Points points, double[] confidence, boolean[] taken, int budget, int factor, long seed) {
    Comparator<Integer> order =
        Comparator.comparingDouble((Integer i) -> confidence[i]).thenComparingInt(i -> i);
    List<Integer> free =
        IntStream.range(0, points.count()).filter(i -> !taken[i]).boxed().sorted(order).toList();
    if (free.size() < budget) {
      throw new IllegalArgumentException(
          "budget n = " + budget + " is larger than the " + free.size() + " unlabeled points");
    }
    int count = (int) Math.min(free.size(), (long) factor * budget);
    int[] candidates = free.subList(0, count).stream().mapToInt(Integer::intValue).toArray();
    if (count == budget) {
      int[] clusters = new int[budget];
      Arrays.fill(clusters, -1);
      return new Picks(candidates, clusters, count);
    }
    KMeansResult fit = KMeans.fit(points.subset(candidates), KMeansSettings.of(budget), seed);
    int[] assignment = fit.assignments();
    int[] best = new int[budget];
    Arrays.fill(best, -1);
    boolean[] chosen = new boolean[count];
    // Candidates run in rising confidence, so the first of each cluster is its least confident.
    for (int c = 0; c < count; c++) {
      if (best[assignment[c]] < 0) {
        best[assignment[c]] = c;
        chosen[c] = true;
      }
    }
    List<int[]> picked = new ArrayList<>();
    for (int cluster = 0; cluster < budget; cluster++) {
      if (best[cluster] >= 0) {
        picked.add(new int[] {best[cluster], cluster});
      }
    }
    for (int c = 0; c < count && picked.size() < budget; c++) {
      if (!chosen[c]) {
        chosen[c] = true;
        picked.add(new int[] {c, assignment[c]});
      }
    }
    picked.sort(Comparator.comparingInt((int[] p) -> p[0]));
    int[] indices = new int[budget];
    int[] clusters = new int[budget];
    for (int i = 0; i < budget; i++) {
      indices[i] = candidates[picked.get(i)[0]];
      clusters[i] = picked.get(i)[1];
    }
    return new Picks(indices, clusters, count);
  }
}
