package io.latentquery.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.InputException;
import io.latentquery.Slow;
import io.latentquery.TestData;
import io.latentquery.eval.ExperimentConfig.DatasetSpec;
import io.latentquery.sampling.strategy.SelectionService;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * experiments/quick.json end to end, in-process, with its results and unbalanced data in a temp
 * folder.
 */
@Slow
class QuickExperimentTest {
  @TempDir Path dir;

  @Test
  void everyCellOfTheQuickGridBeatsChanceAndFillsTheTable() {
    ExperimentConfig shipped = ExperimentConfig.load(Path.of("experiments/quick.json"));
    List<DatasetSpec> datasets =
        shipped.datasets().stream()
            .map(
                d ->
                    d.unbalance() == null
                        ? d
                        : new DatasetSpec(
                            d.id(),
                            dir.resolve("unbalanced").toString(),
                            d.limit(),
                            d.testLimit(),
                            d.unbalance()))
            .toList();
    ExperimentConfig config =
        new ExperimentConfig(
            shipped.name(),
            dir.resolve("results").toString(),
            datasets,
            shipped.autoencoders(),
            shipped.strategies(),
            shipped.budgets(),
            shipped.seeds(),
            shipped.classifier(),
            shipped.randomBaseline(),
            shipped.threads(),
            shipped.split(),
            shipped.models());
    ExperimentRunner runner =
        new ExperimentRunner(config, null, SelectionService.standard(), TestData.catalog());
    ExperimentGrid.Progress progress = runner.run();
    assertEquals(config.cells().size(), progress.computed());

    Map<CellKey, CellResult> results =
        runner.store().readAll(config.cells().stream().map(ExperimentCell::key).toList());
    assertEquals(config.cells().size(), results.size());
    for (CellResult result : results.values()) {
      double chance = 1.0 / result.evaluation().classNames().size();
      assertTrue(
          Double.isFinite(result.accuracy()) && result.accuracy() > chance,
          result.key() + ": " + result.accuracy());
    }
    ResultsTable table = ResultsTable.of(config, results);
    assertEquals(config.cells().size(), table.storedCells());
    assertFalse(table.markdown().contains("| - |"), table.markdown());
    assertFalse(table.markdown().contains("seeds)"), table.markdown());

    List<DatasetSpec> otherShift =
        datasets.stream()
            .map(
                d ->
                    d.unbalance() == null
                        ? d
                        : new DatasetSpec(
                            d.id(),
                            d.data(),
                            d.limit(),
                            d.testLimit(),
                            new ExperimentConfig.UnbalanceSpec("mnist", 1L, 1000)))
            .toList();
    ExperimentConfig changed =
        new ExperimentConfig(
            config.name(),
            config.results(),
            otherShift,
            config.autoencoders(),
            config.strategies(),
            config.budgets(),
            config.seeds(),
            config.classifier(),
            config.randomBaseline(),
            config.threads(),
            config.split(),
            config.models());
    var e =
        assertThrows(
            InputException.class,
            () ->
                new ExperimentRunner(changed, null, SelectionService.standard(), TestData.catalog())
                    .run());
    assertTrue(e.getMessage().contains("shift=2000"), e.getMessage());
    assertTrue(
        e.getMessage().contains("not the config's UnbalanceSettings[seed=1, shift=1000"),
        e.getMessage());
  }
}
