package io.latentquery.cli;

import io.latentquery.data.Dataset;
import io.latentquery.data.Split;
import io.latentquery.data.SplitDataset;
import io.latentquery.eval.ClassifierArchitecture;
import io.latentquery.eval.ClassifierEvaluator;
import io.latentquery.eval.ClassifierSettings;
import io.latentquery.eval.EvaluationReport;
import io.latentquery.eval.EvaluationResult;
import io.latentquery.eval.EvaluationText;
import io.latentquery.eval.RandomSelection;
import io.latentquery.eval.SelectionFile;
import io.latentquery.files.Checksums;
import io.latentquery.files.Json;
import io.latentquery.provenance.Provenance;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lq evaluate}: the accuracy of a classifier trained only on a selection's labeled examples.
 */
@Command(
    name = "evaluate",
    header = "Train a classifier on a selection and test it.",
    mixinStandardHelpOptions = true,
    description = {
      "Train a classifier only on the selected pool examples with their labels, then report its test accuracy,",
      "per-class accuracy and how balanced the selection is. --random N evaluates a seeded random selection",
      "(the baseline). The pool must be the one the selection was made from (same --data, --pool-size, --limit)."
    })
final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin VerboseMixin verbose;
  @Mixin DataOptions data;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(
        names = "--selection",
        paramLabel = "CSV",
        description = "A selection written by 'lq sample'.")
    Path selection;

    @Option(
        names = "--random",
        paramLabel = "N",
        description = "Evaluate N pool examples chosen at random (seeded by --seed).")
    @Sets("n")
    Integer random;
  }

  @Option(
      names = "--classifier",
      defaultValue = "small",
      description = "small or paper (default: ${DEFAULT-VALUE}).")
  String classifier;

  @Option(
      names = "--steps",
      defaultValue = "" + ClassifierSettings.DEFAULT_STEPS,
      description = "Update steps, whatever the selection size (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(
      names = "--batch-size",
      defaultValue = "" + ClassifierSettings.DEFAULT_BATCH,
      description = "Examples per step (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--learning-rate",
      defaultValue = "0.001",
      description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
  float learningRate;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the classifier and of --random (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--threads",
      defaultValue = "2",
      description = "TensorFlow threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--test-limit",
      paramLabel = "N",
      description = "Test on only the first N test images.")
  Integer testLimit;

  @Option(
      names = "--out",
      paramLabel = "JSON",
      description =
          "Where to write the result (default: NAME.evaluation.json beside the selection NAME.csv, or random-N-seed-S.evaluation.json).")
  Path out;

  /** The settings of one run, recorded in its provenance. */
  record Settings(
      String data, Integer poolLimit, Integer testLimit, ClassifierSettings classifier) {}

  @Override
  public Integer call() {
    ClassifierSettings settings =
        OptionErrors.settings(
            spec,
            () ->
                new ClassifierSettings(
                    ClassifierArchitecture.preset(classifier),
                    steps,
                    batchSize,
                    learningRate,
                    seed,
                    threads));
    if (testLimit != null && testLimit < 1) {
      throw OptionErrors.usage(spec, "--test-limit must be >= 1, got " + testLimit);
    }
    SplitDataset split = data.open();
    Dataset pool = data.limited(split.split(Split.POOL));
    Dataset test = split.split(Split.TEST);
    if (testLimit != null) {
      test = test.limit(testLimit);
    }
    int[] indices =
        source.selection != null
            ? SelectionFile.read(source.selection, pool)
            : RandomSelection.draw(pool.size(), source.random, seed);
    EvaluationResult result = new ClassifierEvaluator(settings).evaluate(pool, indices, test);
    Path target = out != null ? out : defaultOut();
    Provenance provenance =
        Provenance.capture(
            "evaluate",
            new Settings(data.request().dataset(), data.limit, testLimit, settings),
            seed,
            pool.subset("selected", indices).checksum());
    EvaluationReport report =
        new EvaluationReport(
            data.request().dataset(),
            source.selection == null ? null : source.selection.toString(),
            source.selection == null ? null : Checksums.sha256(source.selection),
            source.random,
            result,
            provenance);
    Json.write(target, report);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(EvaluationText.format(result));
    stdout.println("wrote " + target);
    return 0;
  }

  private Path defaultOut() {
    if (source.selection != null) {
      String name = source.selection.getFileName().toString().replaceFirst("\\.csv$", "");
      return source.selection.toAbsolutePath().resolveSibling(name + ".evaluation.json");
    }
    return Path.of("random-" + source.random + "-seed-" + seed + ".evaluation.json");
  }
}
