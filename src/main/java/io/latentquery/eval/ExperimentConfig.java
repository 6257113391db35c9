package io.latentquery.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.latentquery.InputException;
import io.latentquery.files.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An experiment grid as in the method's Section 4: every dataset x autoencoder x strategy x budget
 * x seed is one cell, plus (unless {@code randomBaseline} is false) a random-baseline cell per
 * dataset x budget x seed that needs no autoencoder. Read from JSON; {@link #problems} checks the
 * whole grid before any work so that a typo fails in a second rather than after hours of training.
 *
 * @param name experiment name
 * @param results results folder (relative to the working directory); default {@code results/NAME}
 * @param datasets the datasets, e.g. balanced and unbalanced MNIST
 * @param autoencoders the autoencoders to train per dataset and seed
 * @param strategies the query strategies
 * @param budgets query budgets
 * @param seeds seeds; each cell is repeated once per seed
 * @param classifier the evaluation classifier (defaults when absent)
 * @param randomBaseline whether to add random-baseline cells (default true)
 * @param threads TensorFlow threads for training and encoding (default 2)
 * @param split where the classifiers are scored: {@code validation} (default; the split every
 *     setting is chosen on) or {@code test} (once per final configuration)
 * @param models the folder holding the autoencoders' training runs and exports (default: the
 *     results folder), so that a final grid scored on test reuses the autoencoders its screening
 *     grid trained rather than training them again
 */
public record ExperimentConfig(
    String name,
    String results,
    List<DatasetSpec> datasets,
    List<AutoencoderSpec> autoencoders,
    List<StrategySpec> strategies,
    List<Integer> budgets,
    List<Long> seeds,
    ClassifierSpec classifier,
    Boolean randomBaseline,
    Integer threads,
    String split,
    String models) {

  /** The strategy id of random-baseline cells. */
  public static final String BASELINE_STRATEGY = "random";

  /** The autoencoders' training seed when the config gives none. */
  public static final long DEFAULT_TRAINING_SEED = 1;

  private static final int DEFAULT_THREADS = 2;

  /** The splits a config may score on. */
  public static final List<String> SPLITS = List.of("validation", "test");

  public ExperimentConfig {
    datasets = orEmpty(datasets);
    autoencoders = orEmpty(autoencoders);
    strategies = orEmpty(strategies);
    budgets = orEmpty(budgets);
    seeds = orEmpty(seeds);
    classifier = classifier == null ? ClassifierSpec.DEFAULTS : classifier;
    randomBaseline = randomBaseline == null || randomBaseline;
    threads = threads == null ? DEFAULT_THREADS : threads;
    split = split == null ? SPLITS.get(0) : split;
  }

  /** Whether the classifiers are scored on the test split (else on validation). */
  public boolean scoresOnTest() {
    return "test".equals(split);
  }

  /**
   * A dataset of the grid.
   *
   * @param id column label and file-name part, e.g. {@code unbalanced}
   * @param data name or path given to {@code --data}, e.g. {@code data/mnist-unbalanced}
   * @param limit use only the first {@code limit} pool (and validation) examples, or null for all
   * @param testLimit test on only the first {@code testLimit} test examples, or null for all
   * @param unbalance how to make {@code data} when that folder does not exist yet, or null
   */
  public record DatasetSpec(
      String id, String data, Integer limit, Integer testLimit, UnbalanceSpec unbalance) {
    /** A dataset used whole, as it is. */
    public static DatasetSpec of(String id, String data) {
      return new DatasetSpec(id, data, null, null, null);
    }
  }

  /**
   * How to write an unbalanced dataset folder that does not exist yet ({@code lq data unbalance}).
   *
   * @param source the balanced dataset, e.g. {@code mnist}
   * @param seed seed of every random choice (default 1)
   * @param shift examples added to each even class and removed from each odd class (default 2000)
   */
  public record UnbalanceSpec(String source, Long seed, Integer shift) {
    public io.latentquery.data.UnbalanceSettings settings() {
      return io.latentquery.data.UnbalanceSettings.of(
          seed == null ? 1 : seed,
          shift == null ? io.latentquery.data.UnbalanceSettings.DEFAULT_SHIFT : shift);
    }
  }

  /**
   * An autoencoder of the grid.
   *
   * @param id row label and file-name part; default {@code MODEL-PRESET-lLATENT-eEPOCHS}
   * @param model model kind, e.g. {@code conv}
   * @param preset architecture preset, e.g. {@code paper}
   * @param epochs training epochs
   * @param latentDim latent dimension L
   * @param seed training seed (default {@value ExperimentConfig#DEFAULT_TRAINING_SEED}) when the
   *     autoencoder is trained once per dataset; the cells' seeds then vary only the sampler and
   *     the classifier
   * @param seeds training seeds, instead of {@code seed}, so that the autoencoder's training
   *     variance enters the cells: the grid's i-th seed uses {@code seeds[i mod |seeds|]}, and each
   *     seed's autoencoder is trained once per dataset
   * @param tuning sizes, optimizer and t-SNE settings that depart from the preset and the training
   *     defaults, or null for none
   */
  public record AutoencoderSpec(
      String id,
      String model,
      String preset,
      Integer epochs,
      Integer latentDim,
      Long seed,
      List<Long> seeds,
      AutoencoderTuning tuning) {
    /** An autoencoder trained with the default seed. */
    public static AutoencoderSpec of(
        String id, String model, String preset, int epochs, int latentDim) {
      return new AutoencoderSpec(id, model, preset, epochs, latentDim, null, null, null);
    }

    public AutoencoderSpec {
      seeds = seeds == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(seeds));
    }

    /** The training seed of the grid's {@code repetition}-th seed (counting from 0). */
    public long trainingSeed(int repetition) {
      if (seeds != null && !seeds.isEmpty()) {
        return seeds.get(Math.floorMod(repetition, seeds.size()));
      }
      return seed == null ? DEFAULT_TRAINING_SEED : seed;
    }

    /** Whether cells use autoencoders trained with different seeds. */
    public boolean variesTrainingSeed() {
      return seeds != null && seeds.size() > 1;
    }

    /** The id, or the one derived from the settings. */
    public String key() {
      return id != null ? id : model + "-" + preset + "-l" + latentDim + "-e" + epochs;
    }
  }

  /**
   * A query strategy of the grid.
   *
   * @param id row label and file-name part; default the name
   * @param name the sampler's strategy name, e.g. {@code uniform-cluster}
   * @param options the strategy's options (e.g. a threshold), passed to the sampler as given
   * @param autoencoders the ids of the autoencoders this strategy runs on, or null for all of them
   */
  public record StrategySpec(
      String id, String name, Map<String, Object> options, List<String> autoencoders) {
    public StrategySpec {
      options = options == null ? Map.of() : Map.copyOf(options);
      autoencoders = autoencoders == null ? null : List.copyOf(autoencoders);
    }

    /** A strategy run on every autoencoder of the grid. */
    public static StrategySpec of(String id, String name, Map<String, Object> options) {
      return new StrategySpec(id, name, options, null);
    }

    /** Whether this strategy runs on the autoencoder with id {@code autoencoder}. */
    public boolean appliesTo(String autoencoder) {
      return autoencoders == null || autoencoders.contains(autoencoder);
    }

    public String key() {
      return id != null ? id : name;
    }

    /**
     * The options as the sampler's command-line values ({@code 0.1}, {@code 10}, {@code equal}).
     */
    public Map<String, String> optionValues() {
      Map<String, String> values = new java.util.TreeMap<>();
      options.forEach((k, v) -> values.put(k, String.valueOf(v)));
      return values;
    }
  }

  /**
   * The evaluation classifier; absent fields take {@link ClassifierSettings#defaults}.
   *
   * @param size {@code small}, {@code method} or {@code paper}
   * @param steps update steps
   * @param batchSize examples per step
   * @param learningRate Adam's learning rate
   * @param threads TensorFlow threads
   * @param recipe how the classifier uses the n labels ({@link Recipe}; default {@code scratch})
   * @param recipeEncoder the autoencoder id whose encodings ({@code propagate}) and encoder weights
   *     ({@code transfer}) the recipe uses in every cell, random-baseline cells included, so that
   *     strategies and random share one embedding; required exactly when the recipe needs one
   */
  public record ClassifierSpec(
      String size,
      Integer steps,
      Integer batchSize,
      Float learningRate,
      Integer threads,
      String recipe,
      String recipeEncoder) {
    static final ClassifierSpec DEFAULTS =
        new ClassifierSpec(null, null, null, null, null, null, null);

    /** The recipe, {@link Recipe#SCRATCH} when absent. */
    public Recipe parsedRecipe() {
      return recipe == null ? Recipe.SCRATCH : Recipe.parse(recipe);
    }

    /** The settings of a cell with {@code seed}. */
    public ClassifierSettings settings(long seed) {
      ClassifierSettings d = ClassifierSettings.defaults(seed);
      return new ClassifierSettings(
          size == null ? d.architecture() : ClassifierArchitecture.preset(size),
          steps == null ? d.steps() : steps,
          batchSize == null ? d.batchSize() : batchSize,
          learningRate == null ? d.learningRate() : learningRate,
          seed,
          threads == null ? d.threads() : threads);
    }
  }

  /** Reads a config file; malformed JSON or unknown fields are an {@link InputException}. */
  public static ExperimentConfig load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InputException("missing file: " + file);
    }
    try {
      ExperimentConfig config = Json.mapper().readValue(file.toFile(), ExperimentConfig.class);
      if (config == null) {
        throw new InputException(file + " is empty");
      }
      return config;
    } catch (JsonProcessingException e) {
      throw new InputException(file + ": " + io.latentquery.files.ReadErrors.describe(e), e);
    } catch (IOException e) {
      throw new InputException(
          "cannot read " + file + ": " + io.latentquery.files.ReadErrors.describe(e), e);
    }
  }

  /** Where the autoencoders are trained and exported: {@code models}, or the results folder. */
  public Path modelsFolder() {
    return models != null ? Path.of(models) : resultsFolder();
  }

  /** The results folder: {@code results}, or {@code results/NAME}. */
  public Path resultsFolder() {
    return Path.of(results != null ? results : "results/" + name);
  }

  /**
   * Every problem of the config, each naming its field and bad value; empty when it is valid.
   *
   * @param knownStrategies the sampler's strategy names, or null to skip that check
   * @param knownModels the trainer's model kinds, or null to skip that check
   */
  public List<String> problems(Set<String> knownStrategies, Set<String> knownModels) {
    List<String> problems = new ArrayList<>();
    if (name == null || name.isBlank()) {
      problems.add("name is required");
    } else if (results == null && !CellKey.isValidId(name)) {
      problems.add(
          "name must be letters, digits, '.', '_' or '-' to name the results folder, got '"
              + name
              + "'");
    }
    requireSome(problems, "datasets", datasets);
    requireSome(problems, "strategies", strategies);
    requireSome(problems, "budgets", budgets);
    requireSome(problems, "seeds", seeds);
    if (autoencoders.isEmpty() && !strategies.isEmpty()) {
      problems.add("autoencoders: at least one is required to run the strategies");
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < datasets.size(); i++) {
      DatasetSpec d = datasets.get(i);
      String at = "datasets[" + i + "]";
      if (d == null) {
        problems.add(at + " is empty");
        continue;
      }
      checkId(problems, at + ".id", d.id(), ids);
      if (d.data() == null || d.data().isBlank()) {
        problems.add(at + ".data is required (a dataset name or folder)");
      }
      optionalPositive(problems, at + ".limit", d.limit());
      optionalPositive(problems, at + ".testLimit", d.testLimit());
      if (d.unbalance() != null) {
        if (d.unbalance().source() == null || d.unbalance().source().isBlank()) {
          problems.add(at + ".unbalance.source is required (the balanced dataset, e.g. mnist)");
        }
        try {
          d.unbalance().settings();
        } catch (IllegalArgumentException e) {
          problems.add(at + ".unbalance: " + e.getMessage());
        }
      }
    }
    ids.clear();
    for (int i = 0; i < autoencoders.size(); i++) {
      AutoencoderSpec a = autoencoders.get(i);
      String at = "autoencoders[" + i + "]";
      if (a == null) {
        problems.add(at + " is empty");
        continue;
      }
      if (a.model() == null) {
        problems.add(at + ".model is required");
      } else if (knownModels != null && !knownModels.contains(a.model())) {
        problems.add(
            at
                + ".model: unknown model kind '"
                + a.model()
                + "' (known: "
                + String.join(", ", sorted(knownModels))
                + ")");
      }
      if (a.preset() == null) {
        problems.add(at + ".preset is required");
      }
      positive(problems, at + ".epochs", a.epochs());
      positive(problems, at + ".latentDim", a.latentDim());
      if (a.seed() != null && a.seeds() != null) {
        problems.add(at + ": give seed or seeds, not both");
      } else if (a.seeds() != null
          && (a.seeds().isEmpty()
              || a.seeds().stream().anyMatch(java.util.Objects::isNull)
              || new HashSet<>(a.seeds()).size() < a.seeds().size())) {
        problems.add(at + ".seeds must be distinct seeds, at least one, got " + a.seeds());
      }
      if (a.tuning() != null) {
        problems.addAll(a.tuning().problems(at + ".tuning", knownKind(a.model(), knownModels)));
      }
      if (a.model() != null && a.preset() != null && a.epochs() != null && a.latentDim() != null) {
        if (CellKey.NO_AUTOENCODER.equals(a.key())) {
          problems.add(
              at + ".id '" + CellKey.NO_AUTOENCODER + "' is reserved for the random baseline");
        }
        checkId(problems, at + ".id", a.key(), ids);
      }
    }
    ids.clear();
    for (int i = 0; i < strategies.size(); i++) {
      StrategySpec s = strategies.get(i);
      String at = "strategies[" + i + "]";
      if (s == null) {
        problems.add(at + " is empty");
        continue;
      }
      if (s.name() == null) {
        problems.add(at + ".name is required");
        continue;
      }
      if (knownStrategies != null && !knownStrategies.contains(s.name())) {
        problems.add(
            at
                + ".name: unknown strategy '"
                + s.name()
                + "' (known: "
                + String.join(", ", sorted(knownStrategies))
                + ")");
      }
      checkId(problems, at + ".id", s.key(), ids);
      if (s.autoencoders() != null) {
        Set<String> known = new HashSet<>();
        autoencoders.stream().filter(a -> a != null).forEach(a -> known.add(a.key()));
        for (String a : s.autoencoders()) {
          if (!known.contains(a)) {
            problems.add(at + ".autoencoders: unknown autoencoder id '" + a + "'");
          }
        }
      }
    }
    Set<Integer> seenBudgets = new HashSet<>();
    for (int i = 0; i < budgets.size(); i++) {
      Integer b = budgets.get(i);
      if (b == null || b < 1) {
        problems.add("budgets[" + i + "] must be >= 1, got " + b);
      } else if (!seenBudgets.add(b)) {
        problems.add("budgets[" + i + "] repeats " + b);
      }
    }
    Set<Long> seenSeeds = new HashSet<>();
    for (int i = 0; i < seeds.size(); i++) {
      Long s = seeds.get(i);
      if (s == null) {
        problems.add("seeds[" + i + "] is empty");
      } else if (!seenSeeds.add(s)) {
        problems.add("seeds[" + i + "] repeats " + s);
      }
    }
    try {
      classifier.settings(0);
    } catch (IllegalArgumentException e) {
      problems.add("classifier: " + e.getMessage());
    }
    recipeProblems(problems);
    positive(problems, "threads", threads);
    if (!SPLITS.contains(split)) {
      problems.add("split must be one of " + SPLITS + ", got '" + split + "'");
    }
    return problems;
  }

  private void recipeProblems(List<String> problems) {
    Recipe recipe;
    try {
      recipe = classifier.parsedRecipe();
    } catch (IllegalArgumentException e) {
      problems.add("classifier.recipe: " + e.getMessage());
      return;
    }
    String encoder = classifier.recipeEncoder();
    if (recipe.needsEncoder() && encoder == null) {
      problems.add(
          "classifier.recipeEncoder is required with recipe "
              + recipe.label()
              + " (the autoencoder id whose encodings or weights it uses)");
    } else if (!recipe.needsEncoder() && encoder != null) {
      problems.add("classifier.recipeEncoder is read only with recipes that propagate or transfer");
    } else if (encoder != null && recipeEncoder() == null) {
      problems.add(
          "classifier.recipeEncoder: no autoencoder has id '"
              + encoder
              + "' (known: "
              + String.join(
                  ", ",
                  autoencoders.stream()
                      .filter(java.util.Objects::nonNull)
                      .map(AutoencoderSpec::key)
                      .toList())
              + ")");
    }
  }

  /** The autoencoder the classifier's recipe uses, or null when it uses none. */
  public AutoencoderSpec recipeEncoder() {
    String id = classifier.recipeEncoder();
    return id == null
        ? null
        : autoencoders.stream()
            .filter(a -> a != null && id.equals(a.key()))
            .findFirst()
            .orElse(null);
  }

  /** What the classifier of the {@code repetition}-th seed's cells does with the labels. */
  private CellRecipe recipe(int repetition) {
    AutoencoderSpec encoder = recipeEncoder();
    return new CellRecipe(
        classifier.parsedRecipe(),
        encoder,
        encoder == null ? null : encoder.trainingSeed(repetition));
  }

  /**
   * Throws an {@link InputException} listing every problem (one line), naming {@code source}.
   *
   * @see #problems
   */
  public ExperimentConfig validate(
      String source, Set<String> knownStrategies, Set<String> knownModels) {
    List<String> problems = problems(knownStrategies, knownModels);
    if (!problems.isEmpty()) {
      throw new InputException(
          source
              + ": "
              + (problems.size() == 1 ? "" : problems.size() + " problems: ")
              + String.join("; ", problems));
    }
    return this;
  }

  /**
   * Every cell, in a stable order: per seed, per dataset, the random-baseline cells, then
   * autoencoder x strategy x budget. Seeds are outermost so that a run stopped part-way has whole
   * repetitions of the grid (every row and column for the first seeds) rather than whole datasets.
   * Call on a validated config.
   */
  public List<ExperimentCell> cells() {
    List<ExperimentCell> cells = new ArrayList<>();
    for (int repetition = 0; repetition < seeds.size(); repetition++) {
      long seed = seeds.get(repetition);
      for (DatasetSpec dataset : datasets) {
        if (randomBaseline) {
          for (int budget : budgets) {
            CellKey key =
                new CellKey(dataset.id(), CellKey.NO_AUTOENCODER, BASELINE_STRATEGY, budget, seed);
            cells.add(
                new ExperimentCell(
                    key,
                    dataset,
                    null,
                    null,
                    classifier.settings(seed),
                    null,
                    split,
                    recipe(repetition)));
          }
        }
        for (AutoencoderSpec autoencoder : autoencoders) {
          for (StrategySpec strategy : strategies) {
            if (!strategy.appliesTo(autoencoder.key())) {
              continue;
            }
            for (int budget : budgets) {
              CellKey key =
                  new CellKey(dataset.id(), autoencoder.key(), strategy.key(), budget, seed);
              cells.add(
                  new ExperimentCell(
                      key,
                      dataset,
                      autoencoder,
                      strategy,
                      classifier.settings(seed),
                      autoencoder.trainingSeed(repetition),
                      split,
                      recipe(repetition)));
            }
          }
        }
      }
    }
    return cells;
  }

  private static void requireSome(List<String> problems, String field, List<?> values) {
    if (values.isEmpty()) {
      problems.add(field + ": at least one is required");
    }
  }

  private static void positive(List<String> problems, String field, Integer value) {
    if (value == null) {
      problems.add(field + " is required");
    } else if (value < 1) {
      problems.add(field + " must be >= 1, got " + value);
    }
  }

  private static void optionalPositive(List<String> problems, String field, Integer value) {
    if (value != null && value < 1) {
      problems.add(field + " must be >= 1, got " + value);
    }
  }

  private static void checkId(List<String> problems, String field, String id, Set<String> seen) {
    if (!CellKey.isValidId(id)) {
      problems.add(field + " must be letters, digits, '.', '_' or '-' (no '__'), got '" + id + "'");
    } else if (!seen.add(id)) {
      problems.add(field + " repeats '" + id + "'");
    }
  }

  /** The kind named {@code model}, or null when it is not one the trainer knows. */
  private static io.latentquery.model.ModelKind knownKind(String model, Set<String> knownModels) {
    if (model == null || (knownModels != null && !knownModels.contains(model))) {
      return null;
    }
    try {
      return io.latentquery.model.ModelKind.parse(model);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }

  private static <T> List<T> orEmpty(List<T> values) {
    return values == null
        ? List.of()
        : java.util.Collections.unmodifiableList(new ArrayList<>(values));
  }
}
