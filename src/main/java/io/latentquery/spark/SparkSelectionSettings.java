package io.latentquery.spark;

import io.latentquery.sampling.baseline.KMeansRuns;
import io.latentquery.sampling.baseline.TypiClustSettings;
import io.latentquery.sampling.job.SelectionSettings;
import io.latentquery.sampling.strategy.ClusterSettings;
import io.latentquery.sampling.strategy.DrawSettings;
import io.latentquery.sampling.strategy.ReconstructionErrorStrategy;
import io.latentquery.sampling.strategy.StrategyOptions;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code lq spark select} selects from where: the Parquet encodings and the selection's
 * settings, as {@code lq sample} takes them. Checked without Spark, so a typo is a usage error even
 * where Spark is missing.
 *
 * @param encodings the Parquet file or folder of encodings ({@link EncodingsTable}), a path or URI
 *     Spark reads
 * @param selection the strategy, n, seed and options
 */
public record SparkSelectionSettings(String encodings, SelectionSettings selection) {
  /** The strategies that run on Spark. */
  public static final List<String> STRATEGIES =
      List.of(
          "random",
          "uniform",
          "normal",
          "uniform-cluster",
          "normal-cluster",
          "kmeans",
          "typiclust",
          "ae-error");

  public SparkSelectionSettings {
    if (encodings == null || encodings.isBlank()) {
      throw new IllegalArgumentException("--encodings is required");
    }
    String strategy = selection.strategy();
    if (!STRATEGIES.contains(strategy)) {
      throw new IllegalArgumentException(
          "strategy "
              + strategy
              + " does not run on Spark; use one of "
              + String.join(", ", STRATEGIES)
              + ", or lq sample on one machine");
    }
    StrategyOptions options = StrategyOptions.of(selection.options());
    switch (strategy) {
      case "uniform", "normal" -> DrawSettings.fromOptions(options);
      case "uniform-cluster", "normal-cluster" -> {
        DrawSettings.fromOptions(options);
        ClusterSettings.fromOptions(options);
      }
      case "typiclust" -> TypiClustSettings.fromOptions(options, KMeansRuns.defaults());
      case "ae-error" -> ReconstructionErrorStrategy.measure(options);
      default -> {}
    }
    if (!options.unread().isEmpty()) {
      throw new IllegalArgumentException(
          options.unread().stream().map(o -> "--" + o).collect(Collectors.joining(", "))
              + " does not apply to strategy "
              + strategy);
    }
  }
}
