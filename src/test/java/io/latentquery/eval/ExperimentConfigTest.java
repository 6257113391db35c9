package io.latentquery.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.InputException;
import io.latentquery.sampling.strategy.StrategyRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentConfigTest {
  static final Set<String> STRATEGIES =
      Set.of("random", "uniform", "normal", "uniform-cluster", "normal-cluster");
  static final Set<String> MODELS = Set.of("conv", "vae", "tsne", "vtsne");
  static final Set<String> ALL_STRATEGIES = Set.copyOf(StrategyRegistry.standard().names());

  @TempDir Path dir;

  private Path write(String json) throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, json);
    return file;
  }

  @Test
  void theShippedQuickConfigIsValidAndEnumeratesItsCells() {
    ExperimentConfig config = ExperimentConfig.load(Path.of("experiments/quick.json"));
    config.validate("quick.json", ALL_STRATEGIES, MODELS);
    // 1 seed x 2 datasets x (1 baseline + 1 autoencoder x 2 strategies) x 2 budgets = 12.
    List<ExperimentCell> cells = config.cells();
    assertEquals(12, cells.size());
    ExperimentCell first = cells.get(0);
    assertTrue(first.isBaseline());
    assertEquals(new CellKey("balanced", "none", "random", 20, 1), first.key());
    assertEquals(
        new CellKey("balanced", "conv-small-l2-e2", "normal-cluster", 20, 1), cells.get(2).key());
    assertEquals(1, cells.get(2).classifier().seed());
    assertEquals(100, cells.get(2).classifier().steps());
    assertEquals(2000, cells.get(2).dataset().limit());
    assertEquals(Path.of("results/quick"), config.resultsFolder());
  }

  @Test
  void theShippedCpuConfigRunsEveryStrategyButRandomAgainstTheRandomBaselineWithSeedsOutermost() {
    ExperimentConfig config = ExperimentConfig.load(Path.of("experiments/cpu.json"));
    config.validate("cpu.json", ALL_STRATEGIES, MODELS);
    // 3 seeds x 2 datasets x (1 baseline + 2 autoencoders x 9 strategies) x 2 budgets = 228;
    // one seed and one dataset make 38 cells.
    List<ExperimentCell> cells = config.cells();
    assertEquals(228, cells.size());
    assertEquals(new CellKey("unbalanced", "none", "random", 100, 1), cells.get(38).key());
    assertEquals(new CellKey("balanced", "none", "random", 100, 2), cells.get(76).key());
    assertEquals("mnist", cells.get(38).dataset().unbalance().source());
  }

  @Test
  void anAutoencoderTuningIsReadAndEachBadValueIsNamed() throws Exception {
    Path file =
        write(
            """
        {"name": "tuned",
         "datasets": [{"id": "balanced", "data": "mnist"}],
         "autoencoders": [
           {"id": "tsne-tuned", "model": "tsne", "preset": "small", "epochs": 35, "latentDim": 2,
            "tuning": {"filters": [16, 32, 64], "dense": [256, 256], "batchSize": 2000,
                       "learningRate": 0.003, "tsneWeight": 100, "perplexity": 10}},
           {"id": "conv-bad", "model": "conv", "preset": "small", "epochs": 1, "latentDim": 2,
            "tuning": {"filters": [], "dense": [0], "batchSize": 8, "learningRate": -1,
                       "perplexity": 9}}],
         "strategies": [{"name": "uniform"}],
         "budgets": [100],
         "seeds": [1]}
        """);
    ExperimentConfig config = ExperimentConfig.load(file);
    assertEquals(
        new AutoencoderTuning(List.of(16, 32, 64), List.of(256, 256), 2000, 0.003, 100.0, 10.0),
        config.autoencoders().get(0).tuning());
    assertEquals(
        List.of(
            "autoencoders[1].tuning.filters must name at least one width",
            "autoencoders[1].tuning.dense must be widths >= 1, got [0]",
            "autoencoders[1].tuning.learningRate must be a positive number, got -1.0",
            "autoencoders[1].tuning.perplexity must be smaller than batchSize 8, got 9.0",
            "autoencoders[1].tuning.perplexity applies only to the t-SNE kinds, not conv"),
        config.problems(STRATEGIES, MODELS));
  }

  @Test
  void everyProblemIsReportedAtOnceNamingTheBadValue() throws Exception {
    Path file =
        write(
            """
        {"name": "bad",
         "datasets": [{"id": "balanced", "data": "mnist"}, {"id": "balanced"}],
         "autoencoders": [{"model": "dense", "preset": "small", "epochs": 0, "latentDim": 2}],
         "strategies": [{"name": "kmeans"}, {"name": "uniform", "options": {"threshold": 0.1}}],
         "budgets": [100, 0],
         "seeds": [1],
         "classifier": {"size": "huge"}}
        """);
    ExperimentConfig config = ExperimentConfig.load(file);
    List<String> problems = config.problems(STRATEGIES, MODELS);
    assertEquals(
        List.of(
            "datasets[1].id repeats 'balanced'",
            "datasets[1].data is required (a dataset name or folder)",
            "autoencoders[0].model: unknown model kind 'dense' (known: conv, tsne, vae, vtsne)",
            "autoencoders[0].epochs must be >= 1, got 0",
            "strategies[0].name: unknown strategy 'kmeans' (known: normal, normal-cluster, random, uniform, uniform-cluster)",
            "budgets[1] must be >= 1, got 0",
            "classifier: classifier must be one of [small, method, paper], got 'huge'"),
        problems);
    var e =
        assertThrows(
            InputException.class, () -> config.validate(file.toString(), STRATEGIES, MODELS));
    assertTrue(
        e.getMessage().startsWith(file + ": 7 problems: datasets[1].id repeats 'balanced'; "),
        e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void autoencoderSeedsAlternateOverTheGridSeedsAndStrategiesRunOnTheAutoencodersTheyName()
      throws Exception {
    ExperimentConfig config =
        ExperimentConfig.load(
            write(
                """
        {"name": "s", "datasets": [{"id": "b", "data": "mnist"}],
         "autoencoders": [
           {"id": "a2", "model": "conv", "preset": "small", "epochs": 1, "latentDim": 2,
            "seeds": [7, 8]},
           {"id": "a16", "model": "conv", "preset": "small", "epochs": 1, "latentDim": 16}],
         "strategies": [{"name": "normal"}, {"name": "uniform", "autoencoders": ["a16"]}],
         "budgets": [10], "seeds": [1, 2, 3], "split": "test"}
        """));
    assertEquals(List.of(), config.problems(STRATEGIES, MODELS));
    assertTrue(config.scoresOnTest());
    List<ExperimentCell> a2 =
        config.cells().stream()
            .filter(c -> !c.isBaseline() && c.key().autoencoder().equals("a2"))
            .toList();
    assertEquals(
        List.of("normal", "normal", "normal"), a2.stream().map(c -> c.key().strategy()).toList());
    assertEquals(List.of(7L, 8L, 7L), a2.stream().map(ExperimentCell::trainingSeed).toList());
    assertEquals(
        List.of(1L, 1L, 1L, 1L, 1L, 1L),
        config.cells().stream()
            .filter(c -> !c.isBaseline() && c.key().autoencoder().equals("a16"))
            .map(ExperimentCell::trainingSeed)
            .toList(),
        "one training seed when the autoencoder gives none");
    assertEquals(3 + 3 + 6, config.cells().size());
    assertTrue(config.cells().stream().allMatch(c -> c.split().equals("test")));
  }

  @Test
  void badSeedsSplitsAndStrategyAutoencodersAreNamed() throws Exception {
    ExperimentConfig config =
        ExperimentConfig.load(
            write(
                """
        {"name": "s", "datasets": [{"id": "b", "data": "mnist"}],
         "autoencoders": [
           {"id": "a", "model": "conv", "preset": "small", "epochs": 1, "latentDim": 2,
            "seeds": [7, 7]},
           {"id": "b", "model": "conv", "preset": "small", "epochs": 1, "latentDim": 2,
            "seed": 1, "seeds": [2]}],
         "strategies": [{"name": "normal", "autoencoders": ["c"]}],
         "budgets": [10], "seeds": [1], "split": "train"}
        """));
    assertEquals(
        List.of(
            "autoencoders[0].seeds must be distinct seeds, at least one, got [7, 7]",
            "autoencoders[1]: give seed or seeds, not both",
            "strategies[0].autoencoders: unknown autoencoder id 'c'",
            "split must be one of [validation, test], got 'train'"),
        config.problems(STRATEGIES, MODELS));
  }

  private List<String> recipeProblems(String classifier) throws Exception {
    return ExperimentConfig.load(
            write(
                """
        {"name": "r", "datasets": [{"id": "b", "data": "mnist"}],
         "autoencoders": [
           {"id": "a", "model": "conv", "preset": "small", "epochs": 1, "latentDim": 2}],
         "strategies": [{"name": "normal"}], "budgets": [10], "seeds": [1],
         "classifier": %s}
        """
                    .formatted(classifier)))
        .problems(STRATEGIES, MODELS);
  }

  @Test
  void aRecipeNamesTheAutoencoderItReadsExactlyWhenItReadsOne() throws Exception {
    assertEquals(List.of(), recipeProblems("{\"recipe\": \"augment\"}"));
    assertEquals(
        List.of(), recipeProblems("{\"recipe\": \"propagate+augment\", \"recipeEncoder\": \"a\"}"));
    assertEquals(
        List.of(
            "classifier.recipeEncoder is required with recipe propagate (the autoencoder id whose"
                + " encodings or weights it uses)"),
        recipeProblems("{\"recipe\": \"propagate\"}"));
    assertEquals(
        List.of("classifier.recipeEncoder: no autoencoder has id 'z' (known: a)"),
        recipeProblems("{\"recipe\": \"transfer\", \"recipeEncoder\": \"z\"}"));
    assertEquals(
        List.of("classifier.recipeEncoder is read only with recipes that propagate or transfer"),
        recipeProblems("{\"recipeEncoder\": \"a\"}"));
    assertEquals(
        List.of(
            "classifier.recipe: unknown recipe 'mixup'; give scratch or any of transfer,"
                + " propagate, augment joined by +"),
        recipeProblems("{\"recipe\": \"mixup\"}"));
  }

  @Test
  void everyCellOfARepetitionPropagatesOverTheSameTrainingOfTheRecipeEncoder() throws Exception {
    ExperimentConfig config =
        ExperimentConfig.load(
            write(
                """
        {"name": "r", "datasets": [{"id": "b", "data": "mnist"}],
         "autoencoders": [
           {"id": "a", "model": "conv", "preset": "small", "epochs": 1, "latentDim": 2,
            "seeds": [7, 8]}],
         "strategies": [{"name": "normal"}], "budgets": [10], "seeds": [1, 2, 3],
         "classifier": {"recipe": "propagate", "recipeEncoder": "a"}}
        """));
    List<ExperimentCell> cells = config.cells();
    assertEquals(6, cells.size());
    for (ExperimentCell cell : cells) {
      long expected = cell.key().seed() == 2 ? 8 : 7;
      assertEquals("a", cell.recipe().encoder().key(), cell.key().toString());
      assertEquals(expected, cell.recipe().encoderSeed(), cell.key().toString());
      if (!cell.isBaseline()) {
        assertEquals(cell.trainingSeed(), cell.recipe().encoderSeed());
      }
    }
  }

  @Test
  void missingFieldsAreNamed() throws Exception {
    ExperimentConfig config =
        ExperimentConfig.load(
            write(
                """
        {"name": "m", "datasets": [{"id": "b", "data": "mnist"}],
         "autoencoders": [{"model": "conv"}], "strategies": [{"options": {}}]}
        """));
    assertEquals(
        List.of(
            "budgets: at least one is required",
            "seeds: at least one is required",
            "autoencoders[0].preset is required",
            "autoencoders[0].epochs is required",
            "autoencoders[0].latentDim is required",
            "strategies[0].name is required"),
        config.problems(STRATEGIES, MODELS));
  }

  @Test
  void unknownFieldsAndMalformedJsonAreInputErrorsNamingTheFile() throws Exception {
    Path typo = write("{\"name\": \"t\", \"budget\": [100]}");
    var unknown = assertThrows(InputException.class, () -> ExperimentConfig.load(typo));
    assertTrue(
        unknown.getMessage().startsWith(typo + ": Unrecognized field \"budget\""),
        unknown.getMessage());
    Path broken = write("{\"name\": ");
    var malformed = assertThrows(InputException.class, () -> ExperimentConfig.load(broken));
    assertTrue(malformed.getMessage().startsWith(broken + ": "), malformed.getMessage());
  }

  @Test
  void idsThatCannotNameAFileAreRefused() throws Exception {
    ExperimentConfig config =
        ExperimentConfig.load(
            write(
                """
        {"name": "x", "datasets": [{"id": "a/b", "data": "mnist"}],
         "autoencoders": [{"id": "none", "model": "conv", "preset": "small", "epochs": 1, "latentDim": 2}],
         "strategies": [{"id": "u__v", "name": "uniform"}], "budgets": [10], "seeds": [1, 1]}
        """));
    assertEquals(
        List.of(
            "datasets[0].id must be letters, digits, '.', '_' or '-' (no '__'), got 'a/b'",
            "autoencoders[0].id 'none' is reserved for the random baseline",
            "strategies[0].id must be letters, digits, '.', '_' or '-' (no '__'), got 'u__v'",
            "seeds[1] repeats 1"),
        config.problems(STRATEGIES, MODELS));
  }
}
