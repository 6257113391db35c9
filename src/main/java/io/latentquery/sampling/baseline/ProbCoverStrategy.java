package io.latentquery.sampling.baseline;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.SelectionStrategy;
import io.latentquery.sampling.strategy.StrategyOptions;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * {@code probcover}: ProbCover (Yehuda, Dekel, Hacohen and Weinshall 2022, "Active Learning Through
 * a Covering Lens"), greedy maximum coverage on the delta-ball graph. Each pick is the point whose
 * delta-ball holds the most points not yet covered (ties: lowest index); its ball becomes covered.
 * Already-labeled points cover their balls before the first pick, so a second round goes to the
 * regions the first left bare.
 *
 * <p>Edges join points at distance <= delta (the reference code uses < delta; the difference only
 * matters for points exactly delta apart). When every point is covered before the budget is met,
 * the reference code has no rule of its own: every out-degree is then zero and its argmax keeps
 * returning point 0, so it repeats a point (or takes a labeled one) instead of meeting the budget.
 * Here the remaining picks are uniformly random (seeded) among the unselected points, so the budget
 * is met with distinct new points and no coverage rule is pretended where none applies; the count
 * is recorded as {@code random_picks}. delta is given or chosen by {@link PurityDelta}. With a
 * given delta and no random picks the selection is the same for every seed, recorded as {@code
 * uses_seed} false.
 *
 * <p>Each point keeps the number of uncovered points in its ball; covering j lowers it for every
 * point of j's ball (the graph is symmetric), so all updates together cost one pass over the edges,
 * and a pick is one O(N) scan.
 */
public final class ProbCoverStrategy implements SelectionStrategy {
  private final ProbCoverSettings settings;

  public ProbCoverStrategy(ProbCoverSettings settings) {
    this.settings = settings;
  }

  public static ProbCoverStrategy fromOptions(StrategyOptions options) {
    return new ProbCoverStrategy(ProbCoverSettings.fromOptions(options));
  }

  @Override
  public String name() {
    return "probcover";
  }

  @Override
  public Selection select(Points points, SelectionRequest request) {
    boolean[] labeled = Labeled.mask(points, request);
    int m = Labeled.count(labeled);
    Map<String, Object> parameters = new TreeMap<>();
    parameters.put("strategy", name());
    double delta;
    if (settings.delta() != null) {
      delta = settings.delta();
      parameters.put("delta_rule", "given");
    } else {
      PurityRule rule = settings.purity();
      PurityDelta.Result chosen = PurityDelta.choose(points, rule, request.seed());
      delta = chosen.delta();
      parameters.put(
          "delta_rule", "largest delta with purity >= alpha against k-means pseudo-labels");
      parameters.put("alpha", rule.alpha());
      parameters.put("purity", chosen.purity());
      parameters.put("purity_clusters", rule.clusters());
      parameters.put("purity_clusters_nonempty", chosen.clusters());
      parameters.put("purity_inertia", chosen.inertia());
      rule.kmeans().describe(parameters);
    }
    DeltaGraph graph = DeltaGraph.build(points, delta, settings.maxEdges());
    Coverage coverage = new Coverage(graph);
    boolean[] selected = labeled.clone();
    for (int i = 0; i < labeled.length; i++) {
      if (labeled[i]) {
        coverage.coverBall(i);
      }
    }
    int coveredByLabeled = coverage.covered;
    int[] indices = new int[request.budget()];
    int filled = 0;
    while (filled < indices.length) {
      int best = -1;
      int bestGain = 0;
      for (int i = 0; i < coverage.gain.length; i++) {
        if (!selected[i] && coverage.gain[i] > bestGain) {
          bestGain = coverage.gain[i];
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      selected[best] = true;
      indices[filled++] = best;
      coverage.coverBall(best);
    }
    int greedy = filled;
    int randomPicks = indices.length - greedy;
    if (randomPicks > 0) {
      fillAtRandom(selected, indices, greedy, request.seed());
    }
    int count = points.count();
    parameters.put("delta", delta);
    parameters.put("edges", graph.edges());
    parameters.put("mean_ball_size", (double) graph.edges() / count);
    parameters.put("max_edges", settings.maxEdges());
    parameters.put("labeled", m);
    parameters.put("covered_fraction_labeled", (double) coveredByLabeled / count);
    parameters.put("covered_fraction", (double) coverage.covered / count);
    parameters.put("random_picks", randomPicks);
    // The greedy cover is deterministic; the seed enters through the purity k-means that chooses
    // delta and through random picks after full coverage.
    parameters.put("uses_seed", settings.delta() == null || randomPicks > 0);
    parameters.put("metric", "euclidean");
    return Selection.of(indices, parameters);
  }

  /** Fills indices[from..] with distinct unselected points, uniformly at random. */
  private static void fillAtRandom(boolean[] selected, int[] indices, int from, long seed) {
    int[] candidates = new int[selected.length];
    int count = 0;
    for (int i = 0; i < selected.length; i++) {
      if (!selected[i]) {
        candidates[count++] = i;
      }
    }
    SplittableRandom rng = new SplittableRandom(seed);
    for (int k = 0; k < indices.length - from; k++) {
      int j = k + rng.nextInt(count - k);
      int t = candidates[k];
      candidates[k] = candidates[j];
      candidates[j] = t;
      indices[from + k] = candidates[k];
    }
  }

  /** Which points are covered, and per point how many uncovered points its ball still holds. */
  private static final class Coverage {
    final DeltaGraph graph;
    final boolean[] isCovered;
    final int[] gain;
    int covered;

    Coverage(DeltaGraph graph) {
      this.graph = graph;
      this.isCovered = new boolean[graph.size()];
      this.gain = new int[graph.size()];
      for (int i = 0; i < gain.length; i++) {
        gain[i] = graph.degree(i);
      }
    }

    void coverBall(int center) {
      for (int e = graph.start(center); e < graph.end(center); e++) {
        int j = graph.target(e);
        if (!isCovered[j]) {
          isCovered[j] = true;
          covered++;
          for (int f = graph.start(j); f < graph.end(j); f++) {
            gain[graph.target(f)]--;
          }
        }
      }
    }
  }
}
