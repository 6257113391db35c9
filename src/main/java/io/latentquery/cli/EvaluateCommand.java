package io.latentquery.cli;

import io.latentquery.contract.LabelsCsv;
import io.latentquery.data.Dataset;
import io.latentquery.data.RelabeledDataset;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lq evaluate}: the accuracy of a classifier trained only on a selection's labeled examples.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Train a classifier only on the selected pool examples with their labels, then report its test accuracy,",
      "per-class accuracy and how balanced the selection is. --random N evaluates a seeded random selection",
      "(the baseline); --labels trains on a person's labels (id,label) instead of the data's own. The pool must",
      "be the one the selection was made from (same --data, --pool-size, --limit)."
    })
final class EvaluateCommand implements Callable<Integer> {
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
        names = "--labels",
        paramLabel = "CSV",
        description =
            "A labels file (id,label): train on these pool examples with these labels instead of the data's own.")
    Path labels;

    @Option(
        names = "--random",
        paramLabel = "N",
        description = "Evaluate N pool examples chosen at random (seeded by --seed).")
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
        new ClassifierSettings(
            ClassifierArchitecture.preset(classifier),
            steps,
            batchSize,
            learningRate,
            seed,
            threads);
    if (testLimit != null && testLimit < 1) {
      throw new IllegalArgumentException("test limit must be >= 1, got " + testLimit);
    }
    SplitDataset split = data.open();
    Dataset pool = data.limited(split.split(Split.POOL));
    Dataset test = split.split(Split.TEST);
    if (testLimit != null) {
      test = test.limit(testLimit);
    }
    int[] indices;
    if (source.labels != null) {
      pool = labeledPool(pool, test);
      indices = java.util.stream.IntStream.range(0, pool.size()).toArray();
    } else if (source.selection != null) {
      indices = SelectionFile.read(source.selection, pool);
    } else {
      indices = RandomSelection.draw(pool.size(), source.random, seed);
    }
    EvaluationResult result = new ClassifierEvaluator(settings).evaluate(pool, indices, test);
    Path target = out != null ? out : defaultOut();
    Provenance provenance =
        Provenance.capture(
            "evaluate",
            new Settings(data.request().dataset(), data.limit, testLimit, settings),
            seed,
            pool.subset("selected", indices).checksum());
    Path chosen = source.selection != null ? source.selection : source.labels;
    EvaluationReport report =
        new EvaluationReport(
            data.request().dataset(),
            chosen == null ? null : chosen.toString(),
            chosen == null ? null : Checksums.sha256(chosen),
            source.random,
            result,
            provenance);
    Json.write(target, report);
    System.out.print(EvaluationText.format(result));
    System.out.println("wrote " + target);
    return 0;
  }

  /** The pool examples of the labels file, with the labels it gives them. */
  private Dataset labeledPool(Dataset pool, Dataset test) {
    List<String> classes = pool.classNames().isEmpty() ? test.classNames() : pool.classNames();
    List<String> ids = new ArrayList<>(pool.size());
    for (int i = 0; i < pool.size(); i++) {
      ids.add(pool.id(i));
    }
    LabelsCsv.Resolved resolved =
        LabelsCsv.read(source.labels).resolve(ids, pool.name(), classes);
    return new RelabeledDataset(
        pool, resolved.indices(), resolved.classes(), resolved.classNames());
  }

  private Path defaultOut() {
    Path chosen = source.selection != null ? source.selection : source.labels;
    if (chosen != null) {
      String name = chosen.getFileName().toString().replaceFirst("\\.csv$", "");
      return chosen.toAbsolutePath().resolveSibling(name + ".evaluation.json");
    }
    return Path.of("random-" + source.random + "-seed-" + seed + ".evaluation.json");
  }
}
