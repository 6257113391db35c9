package io.latentquery.cli;

import io.latentquery.InputException;
import io.latentquery.files.OutputLock;
import io.latentquery.sampling.job.SelectionResult;
import io.latentquery.sampling.job.SelectionSettings;
import io.latentquery.spark.SparkRuns;
import io.latentquery.spark.SparkSelectionSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lq spark select}: {@code lq sample} over Parquet encodings on Spark. */
@Command(
    name = "select",
    header = "Select examples to label from Parquet encodings on Spark.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Select --n examples from Parquet encodings (index, id, label, z, optional error_bce/error_l1,",
      "as lq spark encode writes them) with random, uniform, normal, uniform-cluster,",
      "normal-cluster, kmeans or ae-error. Writes the same selection.csv and selection.json as",
      "lq sample, which gives the same selection with the same seed on the same pool; the",
      "clustered strategies do so when Ward runs exactly, and with --ward approx cluster with",
      "Spark MLlib k-means to --ward-centroids centres, then exact Ward on the weighted centres;",
      "kmeans runs MLlib k-means with k = n (one k-means|| start, so not lq sample's centres)."
    })
final class SparkSelectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin VerboseMixin verbose;

  @Option(
      names = "--encodings",
      required = true,
      paramLabel = "PATH",
      description = "Parquet encodings: a file, a folder, or a URI Spark reads (hdfs://, s3a://).")
  String encodings;

  @Option(
      names = "--strategy",
      defaultValue = "random",
      paramLabel = "NAME",
      description =
          "random, uniform, normal, uniform-cluster, normal-cluster, kmeans or ae-error"
              + " (default: ${DEFAULT-VALUE}).")
  String strategy;

  @Option(
      names = {"-n", "--n"},
      required = true,
      paramLabel = "N",
      description = "How many examples to select.")
  int budget;

  @Option(
      names = "--seed",
      defaultValue = "0",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--master",
      defaultValue = "local[*]",
      paramLabel = "URL",
      description = "Spark master (default: ${DEFAULT-VALUE}, every core of this machine).")
  String master;

  @Option(
      names = "--out",
      defaultValue = "selection.csv",
      paramLabel = "FILE",
      description =
          "The selection CSV (default: ${DEFAULT-VALUE}); the record goes beside as .json.")
  Path out;

  @Option(names = "--force", description = "Replace an existing selection.")
  boolean force;

  @Option(names = "--threshold", paramLabel = "T", description = "uniform, normal: threshold t.")
  String threshold;

  @Option(names = "--take", paramLabel = "MODE", description = "nearest (default) or all-within.")
  String take;

  @Option(
      names = "--metric",
      paramLabel = "NAME",
      description = "euclidean (default), manhattan or chebyshev.")
  String metric;

  @Option(
      names = "--max-misses",
      paramLabel = "N",
      description = "Consecutive empty draws before giving up (default: max(10000, 100 n)).")
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
          "exact (Ward on every point, on the driver), approx (Spark MLlib k-means to"
              + " --ward-centroids centres, then weighted Ward) or auto: exact up to 100000 points"
              + " in at most 4 dimensions or 5000 in any (default).")
  String ward;

  @Option(
      names = "--ward-centroids",
      paramLabel = "N",
      description = "k-means centres of --ward approx (default: 2000).")
  String wardCentroids;

  @Option(
      names = "--quota",
      paramLabel = "RULE",
      description = "Clustered strategies: proportional (default) or equal.")
  String quota;

  @Option(
      names = "--error",
      paramLabel = "MEASURE",
      description = "ae-error: bce (default) or l1; reads column error_bce or error_l1.")
  String error;

  @Override
  public Integer call() {
    SparkSelectionSettings settings =
        OptionErrors.settings(
            spec,
            () ->
                new SparkSelectionSettings(
                    encodings,
                    SelectionSettings.builder()
                        .strategy(strategy)
                        .n(budget)
                        .seed(seed)
                        .options(options())
                        .build()));
    Path record = SampleCommand.recordPath(out);
    for (Path file : List.of(out, record)) {
      if (Files.exists(file) && !force) {
        throw new InputException(file + " exists; use --force to replace it");
      }
    }
    SparkCommand.requireSpark();
    try (OutputLock lock = OutputLocks.claim(spec, out)) {
      SelectionResult result = SparkRuns.select(master, settings);
      result.write(out, record);
      spec.commandLine().getOut().println(result.summary() + " -> " + out);
    }
    return 0;
  }

  private Map<String, String> options() {
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
    return options;
  }

  private static void put(Map<String, String> options, String name, String value) {
    if (value != null) {
      options.put(name, value);
    }
  }
}
