package io.latentquery.sampling.baseline;

import io.latentquery.sampling.strategy.StrategyOptions;
import java.util.Optional;

/**
 * How {@code probcover} builds its delta-ball graph.
 *
 * @param delta the ball radius (option {@code --delta}), or null to choose it by {@code purity}
 * @param purity the rule that chooses delta when none is given
 * @param maxEdges the most edges the graph may hold before the run is refused (option {@code
 *     --max-edges}; default 50 million)
 */
public record ProbCoverSettings(Double delta, PurityRule purity, int maxEdges) {
  public ProbCoverSettings {
    if (delta != null && !(delta > 0 && Double.isFinite(delta))) {
      throw new IllegalArgumentException("--delta must be a number > 0, got " + delta);
    }
    if (purity == null) {
      throw new IllegalArgumentException("the purity rule must be given");
    }
    if (maxEdges < 1) {
      throw new IllegalArgumentException("--max-edges must be >= 1, got " + maxEdges);
    }
  }

  /** delta chosen by purity 0.95 over 10 k-means clusters; at most 50 million edges. */
  public static ProbCoverSettings defaults() {
    return new ProbCoverSettings(null, PurityRule.defaults(), DeltaGraph.DEFAULT_MAX_EDGES);
  }

  /**
   * Reads {@code delta}, {@code alpha}, {@code purity-clusters}, {@code max-edges} and {@code
   * kmeans-restarts}. {@code alpha} and {@code purity-clusters} only choose delta, so giving them
   * with {@code delta} is refused rather than silently ignored.
   */
  public static ProbCoverSettings fromOptions(StrategyOptions options) {
    var delta = options.positiveDouble("delta");
    Optional<String> alphaText = options.raw("alpha");
    var clusters = options.intAtLeast("purity-clusters", 2);
    KMeansRuns kmeans = KMeansRuns.restartsFromOptions(options);
    if (delta.isPresent() && (alphaText.isPresent() || clusters.isPresent())) {
      throw new IllegalArgumentException(
          "--alpha and --purity-clusters choose delta; they do not apply with --delta");
    }
    double alpha = alphaText.map(ProbCoverSettings::parseAlpha).orElse(PurityRule.DEFAULT_ALPHA);
    return new ProbCoverSettings(
        delta.isPresent() ? delta.getAsDouble() : null,
        new PurityRule(alpha, clusters.orElse(PurityRule.DEFAULT_CLUSTERS), kmeans),
        options.intAtLeast("max-edges", 1).orElse(DeltaGraph.DEFAULT_MAX_EDGES));
  }

  private static double parseAlpha(String text) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--alpha must be a number in (0, 1], got '" + text + "'");
    }
  }
}
