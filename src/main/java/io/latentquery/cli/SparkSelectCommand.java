package io.latentquery.cli;

import io.latentquery.InputException;
import io.latentquery.files.OutputLock;
import io.latentquery.sampling.job.SelectionResult;
import io.latentquery.sampling.job.SelectionSettings;
import io.latentquery.spark.SparkRuns;
import io.latentquery.spark.SparkSelectionSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
      "Select --n examples from Parquet encodings (index, id, label, z, optional",
      "error_bce/error_l1, as lq spark encode writes them) with random, uniform,",
      "normal, uniform-cluster, normal-cluster, kmeans, typiclust or ae-error.",
      "Writes the same selection.csv and selection.json as lq sample, which gives",
      "the same selection with the same seed on the same pool. The clustered",
      "strategies do so when Ward runs exactly; with --ward approx they cluster",
      "with Spark MLlib k-means to --ward-centroids centres, then exact Ward on the",
      "weighted centres. kmeans runs MLlib k-means with k = n (one k-means|| start,",
      "so not lq sample's centres). typiclust makes lq sample's picks on MLlib's",
      "k-means clusters (--option typiclust-max-clusters=500,",
      "typiclust-min-cluster-size=5), each cluster held whole by one task.",
      "",
      "Threshold t: by default the median distance from a point to its 10th",
      "nearest neighbour, over up to 1000 points sampled with the seed; the value",
      "used is recorded."
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
          "random, uniform, normal, uniform-cluster, normal-cluster, kmeans, typiclust or ae-error"
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

  @Option(
      names = "--labeled",
      paramLabel = "FILE",
      description =
          "Examples already labeled, never selected again, as lq sample takes them: ids (an id"
              + " column, or one id per line) or a labels file (id,label); read on the driver.")
  Path labeled;

  @Mixin SelectionOptions selection;

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
                        .options(selection.toMap(spec, error))
                        .labeled(labeled)
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
}
