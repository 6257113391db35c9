package io.latentquery.cli;

import io.latentquery.sampling.propagate.PropagationJob;
import io.latentquery.sampling.propagate.SpreadSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lq propagate}: labels for the whole pool from a few, by label spreading. */
@Command(
    name = "propagate",
    header = "Spread a few labels over the pool's encodings.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Give every pool example a class and a confidence by spreading a person's labels over the encodings.",
      "Label spreading (Zhou et al. 2004) on the symmetric k-nearest-neighbour graph of --latent:",
      "F = alpha S F + (1 - alpha) Y with S = D^-1/2 W D^-1/2, until F changes by at most --tolerance.",
      "A class is the largest entry of a row of F, its confidence that entry's share of the row; labeled",
      "examples keep their label (confidence 1); a graph component without labels takes the nearest",
      "label with confidence 0. Writes OUT (id,label,confidence,labeled: a labels file) and OUT.json",
      "(settings, checksums, iterations and, when the encodings carry labels, the agreement with them)."
    })
final class PropagateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin VerboseMixin verbose;

  @Option(
      names = "--latent",
      required = true,
      paramLabel = "FILE",
      description = "Encodings of the pool (.csv or .npy from lq encode).")
  Path latent;

  @Option(
      names = "--labels",
      required = true,
      paramLabel = "CSV",
      description = "The labels a person gave (id,label), ids of the pool.")
  Path labels;

  @Option(
      names = "--out",
      defaultValue = "pool-labels.csv",
      paramLabel = "CSV",
      description = "Where to write the pool labels (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--classes",
      split = ",",
      paramLabel = "NAME",
      description =
          "The classes (comma-separated; default: the encodings' own labels, else those of --labels).")
  List<String> classes = new ArrayList<>();

  @Option(
      names = "--neighbors",
      defaultValue = "" + SpreadSettings.DEFAULT_NEIGHBORS,
      paramLabel = "K",
      description = "k of the nearest-neighbour graph (default: ${DEFAULT-VALUE}).")
  int neighbors;

  @Option(
      names = "--alpha",
      defaultValue = "" + SpreadSettings.DEFAULT_ALPHA,
      description = "Share taken from the neighbours, in (0, 1) (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(
      names = "--iterations",
      defaultValue = "" + SpreadSettings.DEFAULT_MAX_ITERATIONS,
      paramLabel = "N",
      description = "Iterations at most (default: ${DEFAULT-VALUE}).")
  int iterations;

  @Option(
      names = "--tolerance",
      defaultValue = "" + SpreadSettings.DEFAULT_TOLERANCE,
      description =
          "Stop when no entry of F changes by more than this share of the largest (default: ${DEFAULT-VALUE}).")
  double tolerance;

  @Option(names = "--force", description = "Replace existing pool labels.")
  boolean force;

  @Override
  public Integer call() {
    SpreadSettings spread;
    try {
      spread = new SpreadSettings(neighbors, alpha, iterations, tolerance);
    } catch (IllegalArgumentException e) {
      throw OptionErrors.usage(spec, "--" + e.getMessage());
    }
    PropagationJob.Outcome outcome =
        PropagationJob.run(
            new PropagationJob.Settings(latent, labels, out, classes, spread, force));
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println(
        "spread "
            + outcome.labeled()
            + " labels to "
            + outcome.poolSize()
            + " pool examples in "
            + outcome.iterations()
            + " iterations"
            + (outcome.converged() ? "" : " (not converged; raise --iterations)")
            + " -> "
            + out);
    PropagationJob.Agreement agreement = outcome.agreement();
    if (agreement != null) {
      stdout.printf(
          Locale.ROOT,
          "agreement with the encodings' labels: %.2f%% of %d unlabeled examples,"
              + " %.2f%% of the 90%% most confident%n",
          100 * agreement.accuracy(),
          agreement.compared(),
          100 * agreement.confidentAccuracy());
    }
    return 0;
  }
}
