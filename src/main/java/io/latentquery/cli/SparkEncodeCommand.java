package io.latentquery.cli;

import io.latentquery.data.DataCatalog;
import io.latentquery.data.ImageFolderOptions;
import io.latentquery.data.Split;
import io.latentquery.inference.ReconstructionError;
import io.latentquery.spark.ImageTable;
import io.latentquery.spark.SparkEncodeJob;
import io.latentquery.spark.SparkEncodeSettings;
import io.latentquery.spark.SparkRuns;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lq spark encode}: {@code lq encode} on Spark, to Parquet encodings. */
@Command(
    name = "encode",
    header = "Encode images to Parquet encodings on Spark.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Encode a dataset split (an IDX dataset or an image folder, as lq encode opens it) with an",
      "encoder SavedModel on Spark: each task loads the model once and encodes a range of examples.",
      "--data may also name a Parquet table of images (a path ending in .parquet, or a URI such as",
      "hdfs://...): one row per image, with an id column, a binary column of PNG or JPEG bytes and",
      "optionally a label column (--id-column, --image-column, --label-column); the images decode as",
      "an image folder's do (--channels, --resize), and rows are numbered in the table's order.",
      "Writes Parquet (index, id, label, z as array<double>, and error_bce or error_l1 with",
      "--autoencoder) and OUT.json with the provenance. The data and the SavedModels must be at the",
      "same paths on every executor."
    })
final class SparkEncodeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin VerboseMixin verbose;
  @Mixin DataOptions data;
  @Mixin EncoderOptions encoder;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "DIR",
      description = "The encoder SavedModel folder, e.g. savedmodels/NAME/encoder.")
  Path model;

  @Option(
      names = "--autoencoder",
      paramLabel = "DIR",
      description = "An autoencoder SavedModel: adds its reconstruction error per example.")
  Path autoencoder;

  @Option(
      names = "--error",
      paramLabel = "MEASURE",
      description = "With --autoencoder: bce (default) or l1.")
  String error;

  @Option(
      names = "--split",
      defaultValue = "pool",
      description = "pool, validation, test or all (default: ${DEFAULT-VALUE}).")
  String split;

  @Option(
      names = "--id-column",
      defaultValue = "id",
      paramLabel = "NAME",
      description = "Parquet image tables: the column of image ids (default: ${DEFAULT-VALUE}).")
  String idColumn;

  @Option(
      names = "--image-column",
      defaultValue = "image",
      paramLabel = "NAME",
      description =
          "Parquet image tables: the binary column of PNG or JPEG bytes (default: ${DEFAULT-VALUE}).")
  String imageColumn;

  @Option(
      names = "--label-column",
      paramLabel = "NAME",
      description = "Parquet image tables: a column of labels, copied to the encodings.")
  String labelColumn;

  @Option(
      names = "--partitions",
      defaultValue = "0",
      paramLabel = "N",
      description = "Tasks that share the examples (default: Spark's default parallelism).")
  int partitions;

  @Option(
      names = "--master",
      defaultValue = "local[*]",
      paramLabel = "URL",
      description = "Spark master (default: ${DEFAULT-VALUE}).")
  String master;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "PATH",
      description = "The Parquet folder to write (or a URI Spark writes).")
  String out;

  @Option(names = "--force", description = "Replace existing output.")
  boolean force;

  @Override
  public Integer call() {
    encoder.validate();
    ImageTable table = imageTable();
    SparkEncodeSettings settings =
        OptionErrors.settings(
            spec,
            () -> {
              SparkEncodeSettings.Builder builder =
                  table != null
                      ? SparkEncodeSettings.builder().images(table)
                      : SparkEncodeSettings.builder()
                          .data(
                              DataCatalog.defaultDataDir().toAbsolutePath(),
                              data.request(),
                              Split.parse(split),
                              data.limit);
              return builder
                  .models(
                      encoder
                          .models(model.toAbsolutePath())
                          .autoencoder(
                              autoencoder == null ? null : autoencoder.toAbsolutePath(),
                              error == null ? null : ReconstructionError.parse(error))
                          .build())
                  .partitions(partitions)
                  .out(out)
                  .build();
            });
    if (error != null && autoencoder == null) {
      throw OptionErrors.usage(spec, "--error applies only with --autoencoder");
    }
    SparkCommand.requireSpark();
    SparkEncodeJob.Result result = SparkRuns.encode(master, settings, force);
    spec.commandLine()
        .getOut()
        .println(
            "encoded "
                + result.examples()
                + " examples of "
                + result.dataName()
                + " to "
                + out
                + " (L = "
                + result.latentDim()
                + ")");
    return 0;
  }

  /** The Parquet image table {@code --data} names, or null when it names a dataset. */
  private ImageTable imageTable() {
    boolean table = ImageTable.isTable(data.dataset);
    for (String flag : TABLE_ONLY) {
      if (!table && given(flag)) {
        throw OptionErrors.usage(
            spec, flag + " applies only when --data names a Parquet image table (*.parquet)");
      }
    }
    if (!table) {
      return null;
    }
    for (String flag : DATASET_ONLY) {
      if (given(flag)) {
        throw OptionErrors.usage(
            spec, flag + " applies to datasets, not to the Parquet image table " + data.dataset);
      }
    }
    return OptionErrors.settings(
        spec,
        () ->
            new ImageTable(
                data.dataset,
                new ImageTable.Columns(idColumn, imageColumn, labelColumn),
                new ImageFolderOptions(data.channels, data.resize)));
  }

  private static final List<String> TABLE_ONLY =
      List.of("--id-column", "--image-column", "--label-column");
  private static final List<String> DATASET_ONLY =
      List.of(
          "--split",
          "--limit",
          "--pool-size",
          "--validation-size",
          "--validation-split",
          "--test-split",
          "--split-seed");

  private boolean given(String flag) {
    return spec.commandLine().getParseResult().hasMatchedOption(flag);
  }
}
