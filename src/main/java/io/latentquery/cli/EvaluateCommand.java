package io.latentquery.cli;

import io.latentquery.InputException;
import io.latentquery.contract.LabelsCsv;
import io.latentquery.data.Dataset;
import io.latentquery.data.RelabeledDataset;
import io.latentquery.data.Split;
import io.latentquery.data.SplitDataset;
import io.latentquery.eval.Augmentation;
import io.latentquery.eval.ClassifierArchitecture;
import io.latentquery.eval.ClassifierEvaluator;
import io.latentquery.eval.ClassifierSettings;
import io.latentquery.eval.EncoderConvolutions;
import io.latentquery.eval.EvaluationReport;
import io.latentquery.eval.EvaluationResult;
import io.latentquery.eval.EvaluationText;
import io.latentquery.eval.PoolPropagation;
import io.latentquery.eval.PseudoLabels;
import io.latentquery.eval.RandomSelection;
import io.latentquery.eval.Recipe;
import io.latentquery.eval.SelectionFile;
import io.latentquery.files.Checksums;
import io.latentquery.files.Json;
import io.latentquery.provenance.Provenance;
import io.latentquery.sampling.propagate.KnownLabels;
import io.latentquery.sampling.propagate.SpreadSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
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
      "(the baseline); --labels trains on a person's labels (id,label) instead of the data's own. The pool must",
      "be the one the selection was made from (same --data, --pool-size, --limit)."
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
        names = "--labels",
        paramLabel = "CSV",
        description =
            "A labels file (id,label): train on these pool examples with these labels instead of the data's own.")
    Path labels;

    @Option(
        names = "--random",
        paramLabel = "N",
        description = "Evaluate N pool examples chosen at random (seeded by --seed).")
    @Sets("n")
    Integer random;
  }

  @Option(
      names = "--recipe",
      defaultValue = "scratch",
      paramLabel = "R",
      description =
          "scratch (the labels alone), augment (seeded random shifts of up to 2 pixels"
              + " and rotations of up to 10 degrees), propagate (also every other pool image"
              + " with the label spread to it over --latent, weighted by confidence), transfer"
              + " (convolutions start from --encoder's, then fine-tune) or parts joined by +,"
              + " e.g. transfer+propagate+augment (default: ${DEFAULT-VALUE}).")
  String recipe;

  @Option(
      names = "--latent",
      paramLabel = "FILE",
      description = "Encodings of the pool (.csv or .npy from lq encode), for --recipe propagate.")
  Path latent;

  @Option(
      names = "--encoder",
      paramLabel = "DIR",
      description =
          "The encoder SavedModel (savedmodels/NAME/encoder) whose convolutions --recipe transfer"
              + " starts from.")
  Path encoder;

  @Option(
      names = "--classifier",
      defaultValue = "small",
      description =
          "small, method (the method's classifier: 2 convolutions per level, dropout 0.2) or paper (default: ${DEFAULT-VALUE}).")
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
      String data,
      Integer poolLimit,
      Integer testLimit,
      ClassifierSettings classifier,
      RecipeSettings recipe) {}

  /**
   * The recipe and what it used: the augmentation (null without); for propagate, the encodings with
   * their checksum, the spreading settings and how many pool examples got a spread label; for
   * transfer, the encoder with its checksum, the network trained and the convolutions copied.
   */
  record RecipeSettings(
      String name,
      Augmentation augmentation,
      Map<String, Object> propagation,
      Map<String, Object> transfer) {}

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
    Recipe chosenRecipe;
    try {
      chosenRecipe = Recipe.parse(recipe);
    } catch (IllegalArgumentException refused) {
      throw OptionErrors.usage(spec, "--recipe: " + refused.getMessage());
    }
    if (chosenRecipe.propagate() && latent == null) {
      throw OptionErrors.usage(
          spec, "--recipe " + chosenRecipe.label() + " needs --latent (the encodings of the pool)");
    }
    if (!chosenRecipe.propagate() && latent != null) {
      throw OptionErrors.usage(spec, "--latent is read only with --recipe propagate");
    }
    if (chosenRecipe.transfer() != (encoder != null)) {
      throw OptionErrors.usage(
          spec,
          encoder == null
              ? "--recipe " + chosenRecipe.label() + " needs --encoder (the encoder SavedModel)"
              : "--encoder is read only with --recipe transfer");
    }
    EncoderConvolutions transfer =
        chosenRecipe.transfer() ? EncoderConvolutions.read(encoder) : null;
    SplitDataset split = data.open();
    Dataset pool = data.limited(split.split(Split.POOL));
    Dataset test = split.split(Split.TEST);
    if (testLimit != null) {
      test = test.limit(testLimit);
    }
    Dataset labeled = pool;
    int[] indices;
    int[] poolIndices;
    int[] classes;
    List<String> classNames = pool.classNames().isEmpty() ? test.classNames() : pool.classNames();
    if (source.labels != null) {
      LabelsCsv.Resolved resolved =
          LabelsCsv.read(source.labels).resolve(poolIds(pool), pool.name(), classNames);
      classNames = resolved.classNames();
      labeled = new RelabeledDataset(pool, resolved.indices(), resolved.classes(), classNames);
      indices = IntStream.range(0, labeled.size()).toArray();
      poolIndices = resolved.indices();
      classes = resolved.classes();
    } else {
      indices =
          source.selection != null
              ? SelectionFile.read(source.selection, pool)
              : RandomSelection.draw(pool.size(), source.random, seed);
      poolIndices = indices;
      classes = chosenRecipe.propagate() ? labelsOf(pool, indices) : null;
    }
    Map<String, Object> propagation = null;
    PseudoLabels pseudo = null;
    if (chosenRecipe.propagate()) {
      PoolPropagation.Outcome spread =
          PoolPropagation.spread(
              pool,
              latent,
              new KnownLabels(poolIndices, classes, classNames),
              SpreadSettings.defaults());
      pseudo = spread.pseudo();
      propagation = spread.record();
    }
    Augmentation augmentation = chosenRecipe.augment() ? Augmentation.STANDARD : null;
    ClassifierEvaluator evaluator = new ClassifierEvaluator(settings, augmentation, transfer);
    Map<String, Object> transferred = null;
    if (transfer != null) {
      transferred = new LinkedHashMap<>();
      transferred.put("encoder", encoder.toString());
      transferred.put("encoder_sha256", Checksums.sha256(encoder));
      transferred.put("architecture", evaluator.architecture(pool.shape().channels()));
      transferred.put(
          "convolutions",
          transfer.all().stream().map(EncoderConvolutions.Convolution::name).toList());
    }
    EvaluationResult result = evaluator.evaluate(labeled, indices, test, pseudo);
    Path target = out != null ? out : defaultOut();
    Provenance provenance =
        Provenance.capture(
            "evaluate",
            new Settings(
                data.request().dataset(),
                data.limit,
                testLimit,
                settings,
                new RecipeSettings(chosenRecipe.label(), augmentation, propagation, transferred)),
            seed,
            labeled.subset("selected", indices).checksum());
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
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(EvaluationText.format(result));
    stdout.println("wrote " + target);
    return 0;
  }

  private static List<String> poolIds(Dataset pool) {
    List<String> ids = new ArrayList<>(pool.size());
    for (int i = 0; i < pool.size(); i++) {
      ids.add(pool.id(i));
    }
    return ids;
  }

  private static int[] labelsOf(Dataset pool, int[] indices) {
    if (!pool.hasLabels()) {
      throw new InputException(
          pool.name() + " has no labels to spread; give the labels with --labels");
    }
    return Arrays.stream(indices).map(pool::label).toArray();
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
