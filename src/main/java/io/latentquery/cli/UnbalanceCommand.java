package io.latentquery.cli;

import io.latentquery.data.DataCatalog;
import io.latentquery.data.DataRequest;
import io.latentquery.data.SplitDataset;
import io.latentquery.data.UnbalanceSettings;
import io.latentquery.data.UnbalanceSummary;
import io.latentquery.data.UnbalancedDatasetWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lq data unbalance}: writes the method's unbalanced pool as a dataset folder. */
@Command(
    name = "unbalance",
    header = "Write a copy of a dataset with unbalanced classes.",
    mixinStandardHelpOptions = true,
    description = {
      "Write an unbalanced copy of a dataset: each even class gains SHIFT pool examples (random pool images of",
      "that class, rotated and translated a little), each odd class loses SHIFT. Validation and test are copied",
      "unchanged. The folder works as --data for every command."
    })
final class UnbalanceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin VerboseMixin verbose;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "NAME|PATH",
      description = "Source dataset (labeled, single channel), e.g. mnist.")
  String data;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "The dataset folder to write.")
  Path out;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--shift",
      defaultValue = "" + UnbalanceSettings.DEFAULT_SHIFT,
      description =
          "Examples added to each even class and removed from each odd class (default: ${DEFAULT-VALUE}).")
  int shift;

  @Option(
      names = "--max-translation",
      defaultValue = "" + UnbalanceSettings.DEFAULT_MAX_TRANSLATION,
      paramLabel = "PIXELS",
      description = "Largest shift of a new image along each axis (default: ${DEFAULT-VALUE}).")
  double maxTranslation;

  @Option(
      names = "--max-rotation",
      defaultValue = "" + UnbalanceSettings.DEFAULT_MAX_ROTATION,
      paramLabel = "DEGREES",
      description = "Largest rotation of a new image (default: ${DEFAULT-VALUE}).")
  @Sets("maxRotationDegrees")
  double maxRotation;

  @Option(names = "--force", description = "Replace the folder if it exists.")
  boolean force;

  @Override
  public Integer call() {
    UnbalanceSettings settings =
        OptionErrors.settings(
            spec, () -> new UnbalanceSettings(seed, shift, maxTranslation, maxRotation));
    SplitDataset source = DataCatalog.standard().open(DataRequest.of(data));
    UnbalanceSummary summary = new UnbalancedDatasetWriter(settings).write(source, out, force);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println(
        "wrote "
            + out
            + ": pool "
            + summary.poolSize()
            + " ("
            + summary.addedExamples()
            + " new), validation "
            + summary.validationSize()
            + ", test "
            + summary.testSize());
    stdout.println("pool per class before: " + summary.poolCountsBefore());
    stdout.println("pool per class after:  " + summary.poolCountsAfter());
    return 0;
  }
}
