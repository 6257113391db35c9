package io.latentquery.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The strategy options of {@code lq sample} and {@code lq spark select}: the draw and cluster flags
 * and {@code --option KEY=VALUE} for the options with no flag of their own.
 */
public final class SelectionOptions {
  @Option(
      names = "--threshold",
      paramLabel = "T",
      description =
          "Draw strategies: largest distance from a draw to the point it takes (default: from the data, see above).")
  String threshold;

  @Option(
      names = "--take",
      paramLabel = "MODE",
      description = "Draw strategies: nearest (default) or all-within.")
  String take;

  @Option(
      names = "--metric",
      paramLabel = "NAME",
      description = "Draw strategies: euclidean (default), manhattan or chebyshev.")
  String metric;

  @Option(
      names = "--max-misses",
      paramLabel = "N",
      description =
          "Draw strategies: consecutive empty draws before giving up (default: max(10000, 100 n)).")
  String maxMisses;

  @Option(
      names = "--clusters",
      paramLabel = "K",
      description = "Clustered strategies: Ward clusters (default: 10).")
  String clusters;

  @Option(
      names = "--ward",
      paramLabel = "MODE",
      description =
          "exact (nearest-neighbour chain), approx (k-means to --ward-centroids centres, then weighted Ward) or auto: exact up to 100000 points (default).")
  String ward;

  @Option(
      names = "--ward-centroids",
      paramLabel = "N",
      description = "Centres of --ward approx (default: 2000).")
  String wardCentroids;

  @Option(
      names = "--quota",
      paramLabel = "RULE",
      description = "Clustered strategies: proportional (default) or equal.")
  String quota;

  @Option(
      names = "--option",
      paramLabel = "KEY=VALUE",
      description = "A strategy option with no flag of its own (repeatable).")
  Map<String, String> extraOptions = new LinkedHashMap<>();

  /**
   * The options the user gave, by name without dashes: the flags here, then {@code error} when
   * given, then each {@code --option}; an {@code --option} that repeats a flag is a usage error of
   * {@code spec}'s command.
   */
  Map<String, String> toMap(CommandSpec spec, String error) {
    Map<String, String> options = new LinkedHashMap<>();
    put(options, "threshold", threshold);
    put(options, "take", take);
    put(options, "metric", metric);
    put(options, "max-misses", maxMisses);
    put(options, "clusters", clusters);
    put(options, "ward", ward);
    put(options, "ward-centroids", wardCentroids);
    put(options, "quota", quota);
    put(options, "error", error);
    for (Map.Entry<String, String> extra : extraOptions.entrySet()) {
      if (options.containsKey(extra.getKey())) {
        throw OptionErrors.usage(
            spec, "--option " + extra.getKey() + " repeats --" + extra.getKey());
      }
      options.put(extra.getKey(), extra.getValue());
    }
    return options;
  }

  private static void put(Map<String, String> options, String name, String value) {
    if (value != null) {
      options.put(name, value);
    }
  }
}
