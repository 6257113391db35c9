package io.latentquery.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.InputException;
import io.latentquery.TestData;
import io.latentquery.eval.ExperimentConfig.AutoencoderSpec;
import io.latentquery.eval.ExperimentConfig.ClassifierSpec;
import io.latentquery.eval.ExperimentConfig.DatasetSpec;
import io.latentquery.eval.ExperimentConfig.StrategySpec;
import io.latentquery.model.AutoencoderConfig;
import io.latentquery.model.loss.TsneSettings;
import io.latentquery.sampling.strategy.SelectionService;
import io.latentquery.train.Progress;
import io.latentquery.train.RunFolder;
import io.latentquery.train.TrainSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole runner on 200 real MNIST images, a 1-epoch small autoencoder and a 20-step classifier.
 */
class ExperimentRunnerTest {
  @TempDir Path dir;

  private static final Progress SILENT =
      new Progress() {
        @Override
        public void startEpoch(int epoch, int epochs, long images) {}

        @Override
        public void advance(long images, double loss) {}

        @Override
        public void endEpoch() {}
      };

  /** One random-baseline cell and one normal-cluster cell, budget 20, seed 1. */
  private static ExperimentConfig tiny(
      Path results, List<StrategySpec> strategies, List<AutoencoderSpec> autoencoders) {
    return new ExperimentConfig(
        "tiny",
        results.toString(),
        List.of(new DatasetSpec("mnist200", "mnist", 200, 200, null)),
        autoencoders,
        strategies,
        List.of(20),
        List.of(1L),
        new ClassifierSpec("small", 20, 16, 1e-3f, 1, null, null),
        true,
        1,
        null,
        null);
  }

  private static ExperimentConfig tiny(Path results) {
    return tiny(
        results,
        List.of(StrategySpec.of(null, "normal-cluster", Map.of("clusters", 5))),
        List.of(AutoencoderSpec.of("ae", "conv", "small", 1, 2)));
  }

  private static ExperimentRunner runner(ExperimentConfig config) {
    return new ExperimentRunner(config, null, SelectionService.standard(), TestData.catalog())
        .trainingProgress(() -> SILENT);
  }

  @Test
  void aSecondRunRecomputesNothingAndRetrainsNothing() throws Exception {
    Path results = dir.resolve("results");
    ExperimentConfig config = tiny(results);
    ExperimentRunner first = runner(config);
    assertEquals(new ExperimentGrid.Progress(2, 0, 2), first.run());
    assertEquals(2, first.cellsRun());
    Path checkpoint =
        new RunFolder(results.resolve(ExperimentRunner.RUNS).resolve("mnist200__ae")).checkpoint();
    FileTime trained = Files.getLastModifiedTime(checkpoint);
    CellKey cell = new CellKey("mnist200", "ae", "normal-cluster", 20, 1);
    FileTime stored = Files.getLastModifiedTime(first.store().path(cell));
    CellResult result = first.store().read(cell).orElseThrow();
    assertTrue(result.accuracy() > 0 && result.accuracy() <= 1, "accuracy " + result.accuracy());
    assertEquals(20, result.selection().indices().size());
    assertTrue(
        result.selection().parameters().containsKey("threshold"),
        result.selection().parameters().toString());
    assertEquals(Map.of("autoencoder", 1L, "classifier", 1L, "sampler", 1L), result.run().seeds());
    assertTrue(Files.isRegularFile(results.resolve(ExperimentRunner.PROVENANCE)));

    ExperimentRunner second = runner(config);
    assertEquals(new ExperimentGrid.Progress(2, 2, 0), second.run());
    assertEquals(0, second.cellsRun());
    assertEquals(
        trained, Files.getLastModifiedTime(checkpoint), "the autoencoder was not retrained");
    assertEquals(
        stored, Files.getLastModifiedTime(second.store().path(cell)), "the cell was not rewritten");

    ResultsTable table =
        ResultsTable.of(
            config,
            second.store().readAll(config.cells().stream().map(ExperimentCell::key).toList()));
    assertEquals(2, table.storedCells());
    assertFalse(table.markdown().contains("| - |"), table.markdown());
  }

  @Test
  void aRecipeChangesTheClassifierButNotTheSelectionsItIsPairedWith() throws Exception {
    ExperimentConfig scratch = tiny(dir.resolve("scratch"));
    ExperimentConfig propagate =
        new ExperimentConfig(
            "propagate",
            dir.resolve("propagate").toString(),
            scratch.datasets(),
            scratch.autoencoders(),
            scratch.strategies(),
            scratch.budgets(),
            scratch.seeds(),
            new ClassifierSpec("small", 20, 16, 1e-3f, 1, "propagate", "ae"),
            true,
            1,
            null,
            scratch.resultsFolder().toString());
    runner(scratch).run();
    ExperimentRunner recipe = runner(propagate);
    assertEquals(new ExperimentGrid.Progress(2, 0, 2), recipe.run());
    for (ExperimentCell cell : propagate.cells()) {
      CellResult before = new CellStore(scratch.resultsFolder()).read(cell.key()).orElseThrow();
      CellResult after = recipe.store().read(cell.key()).orElseThrow();
      assertEquals(before.selection().indices(), after.selection().indices(), cell.toString());
      // 180 more (pseudo-labeled) training examples: another classifier.
      assertTrue(
          before.evaluation().finalLoss() != after.evaluation().finalLoss(), cell.toString());
      assertEquals(
          "propagate",
          ((Map<?, ?>) ((Map<?, ?>) after.run().provenance().settings()).get("recipe"))
              .get("recipe")
              .toString());
      Map<?, ?> pseudo = (Map<?, ?>) after.run().provenance().results().get("pseudo_labels");
      double accuracy = ((Number) pseudo.get("accuracy")).doubleValue();
      assertEquals(180, ((Number) pseudo.get("compared")).intValue());
      // A one-epoch encoder of 200 images spreads labels about as well as chance: only the range
      // is checked here (AgreementTest checks the arithmetic).
      assertTrue(accuracy >= 0 && accuracy <= 1, "pseudo-label accuracy " + accuracy);
      assertTrue(pseudo.containsKey("confidentAccuracy"), pseudo.toString());
    }
  }

  @Test
  void aGridScoredOnTestReusesTheAutoencodersItsScreeningGridTrained() throws Exception {
    Path screen = dir.resolve("screen");
    ExperimentConfig screening = tiny(screen);
    runner(screening).run();
    Path checkpoint =
        new RunFolder(screen.resolve(ExperimentRunner.RUNS).resolve("mnist200__ae")).checkpoint();
    FileTime trained = Files.getLastModifiedTime(checkpoint);
    ExperimentConfig base = tiny(dir.resolve("final"));
    ExperimentConfig onTest =
        new ExperimentConfig(
            base.name(),
            base.results(),
            base.datasets(),
            base.autoencoders(),
            base.strategies(),
            base.budgets(),
            base.seeds(),
            base.classifier(),
            base.randomBaseline(),
            base.threads(),
            "test",
            screen.toString());
    ExperimentRunner last = runner(onTest);
    assertEquals(new ExperimentGrid.Progress(2, 0, 2), last.run());
    assertEquals(trained, Files.getLastModifiedTime(checkpoint), "nothing was trained again");
    assertFalse(Files.exists(dir.resolve("final").resolve(ExperimentRunner.RUNS)));
    CellResult cell =
        last.store().read(new CellKey("mnist200", "ae", "normal-cluster", 20, 1)).orElseThrow();
    assertEquals("test", ((Map<?, ?>) cell.run().provenance().settings()).get("split"));
  }

  @Test
  void aTunedAutoencoderTrainsWithTheSizesAndOptimizerAndTsneTermItsConfigGives() {
    Path results = dir.resolve("tuned");
    AutoencoderTuning tuning =
        new AutoencoderTuning(List.of(4, 8), List.of(16, 8), 50, 3e-3, 7.0, 5.0);
    AutoencoderSpec tsne =
        new AutoencoderSpec("tsne-tuned", "tsne", "small", 1, 2, null, null, tuning);
    runner(tiny(results, List.of(StrategySpec.of(null, "kmeans", Map.of())), List.of(tsne))).run();
    TrainSettings trained =
        new RunFolder(results.resolve(ExperimentRunner.RUNS).resolve("mnist200__tsne-tuned"))
            .readSettings();
    assertEquals(List.of(4, 8), trained.model().filters());
    assertEquals(List.of(16, 8), trained.model().denseWidths());
    assertEquals(50, trained.batchSize());
    assertEquals(3e-3, trained.learningRate(1), 1e-12);
    assertEquals(new TsneSettings(5.0, 1.0, 7.0), trained.model().tsne());

    AutoencoderConfig preset = AutoencoderConfig.preset("small", trained.model().input()).build();
    assertNotEquals(preset.filters(), trained.model().filters(), "the preset's filters differ");
    assertNotEquals(preset.denseWidths(), trained.model().denseWidths(), "and its dense widths");
  }

  @Test
  void theSameSeedGivesTheSameSelectionAndAccuracy() {
    CellKey cell = new CellKey("mnist200", "ae", "normal-cluster", 20, 1);
    ExperimentRunner first = runner(tiny(dir.resolve("a")));
    first.run();
    ExperimentRunner again = runner(tiny(dir.resolve("b")));
    again.run();
    CellResult a = first.store().read(cell).orElseThrow();
    CellResult b = again.store().read(cell).orElseThrow();
    assertEquals(a.selection().indices(), b.selection().indices());
    assertEquals(a.evaluation().finalLoss(), b.evaluation().finalLoss());
    assertEquals(a.accuracy(), b.accuracy());
    assertEquals(a.evaluation().perClassAccuracy(), b.evaluation().perClassAccuracy());
  }

  @Test
  void configProblemsAreReportedBeforeAnyTraining() {
    Path results = dir.resolve("bad");
    ExperimentConfig config =
        tiny(
            results,
            List.of(
                StrategySpec.of(null, "no-such-strategy", Map.of()),
                StrategySpec.of(null, "uniform", Map.of("threshold", -1))),
            List.of(AutoencoderSpec.of("ae", "dense", "small", 1, 2)));
    var e = assertThrows(InputException.class, () -> runner(config).run());
    assertTrue(
        e.getMessage().contains("strategies[0].name: unknown strategy 'no-such-strategy'"),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("autoencoders[0].model: unknown model kind 'dense' (known: conv"),
        e.getMessage());
    assertFalse(Files.exists(results.resolve(ExperimentRunner.RUNS)), "nothing was trained");

    ExperimentConfig badOption =
        tiny(
            results,
            List.of(StrategySpec.of(null, "uniform", Map.of("threshold", -1))),
            List.of(AutoencoderSpec.of("ae", "conv", "small", 1, 2)));
    var option = assertThrows(InputException.class, () -> runner(badOption).run());
    assertEquals(
        "tiny: strategies[0].options: --threshold must be a number > 0, got -1",
        option.getMessage());

    ExperimentConfig aeErrorWithoutAutoencoder =
        tiny(results, List.of(StrategySpec.of(null, "ae-error", Map.of())), List.of());
    var missing = assertThrows(InputException.class, () -> runner(aeErrorWithoutAutoencoder).run());
    assertEquals(
        "tiny: autoencoders: at least one is required to run the strategies", missing.getMessage());

    ExperimentConfig missingData =
        new ExperimentConfig(
            "tiny",
            results.toString(),
            List.of(DatasetSpec.of("gone", dir.resolve("nowhere").toString())),
            List.of(AutoencoderSpec.of("ae", "conv", "small", 1, 2)),
            List.of(StrategySpec.of(null, "uniform", Map.of())),
            List.of(20),
            List.of(1L),
            null,
            true,
            1,
            null,
            null);
    var data = assertThrows(InputException.class, () -> runner(missingData).run());
    assertTrue(
        data.getMessage().startsWith("tiny: datasets[0] (" + dir.resolve("nowhere") + "): "),
        data.getMessage());
    assertFalse(Files.exists(results.resolve(ExperimentRunner.RUNS)), "nothing was trained");
  }
}
