package io.latentquery.cli;

import io.latentquery.data.DataCatalog;
import io.latentquery.data.Split;
import io.latentquery.inference.ReconstructionError;
import io.latentquery.spark.SparkEncodeJob;
import io.latentquery.spark.SparkEncodeSettings;
import io.latentquery.spark.SparkRuns;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lq spark encode}: {@code lq encode} on Spark, to Parquet encodings. */
@Command(
    name = "encode",
    header = "Encode a dataset split to Parquet encodings on Spark.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Encode a dataset split (an IDX dataset or an image folder, as lq encode opens it) with an",
      "encoder SavedModel on Spark: each task loads the model once and encodes a range of examples.",
      "Writes Parquet (index, id, label, z as array<double>, and error_bce or error_l1 with",
      "--autoencoder) and OUT.json with the provenance. The data folder and the SavedModels must be",
      "at the same paths on every executor."
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
    SparkEncodeSettings settings =
        OptionErrors.settings(
            spec,
            () ->
                SparkEncodeSettings.builder()
                    .data(
                        DataCatalog.defaultDataDir().toAbsolutePath(),
                        data.request(),
                        Split.parse(split),
                        data.limit)
                    .encoder(model.toAbsolutePath(), encoder.spec())
                    .autoencoder(
                        autoencoder == null ? null : autoencoder.toAbsolutePath(),
                        error == null ? null : ReconstructionError.parse(error))
                    .batchSize(encoder.batchSize)
                    .threads(encoder.threads)
                    .partitions(partitions)
                    .out(out)
                    .build());
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
}
