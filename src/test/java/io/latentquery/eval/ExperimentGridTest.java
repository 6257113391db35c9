package io.latentquery.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentGridTest {
  @TempDir Path dir;

  private static ExperimentConfig config() {
    return new ExperimentConfig(
        "grid",
        null,
        List.of(ExperimentConfig.DatasetSpec.of("balanced", "mnist")),
        List.of(ExperimentConfig.AutoencoderSpec.of("ae", "conv", "small", 1, 2)),
        List.of(ExperimentConfig.StrategySpec.of(null, "uniform", Map.of())),
        List.of(10, 20),
        List.of(1L, 2L),
        null,
        true,
        null,
        null,
        null);
  }

  @Test
  void aStoredCellIsNeverComputedAgainAndAnInterruptedRunResumes() {
    CellStore store = new CellStore(dir.resolve("results"));
    ExperimentConfig config = config();
    List<CellKey> computed = new ArrayList<>();
    CellRunner counting =
        cell -> {
          computed.add(cell.key());
          return Cells.result(cell.key(), 0.5 + cell.key().budget() / 100.0);
        };
    // Interrupted after three cells: the fourth throws.
    CellRunner failing =
        cell -> {
          if (computed.size() == 3) {
            throw new IllegalStateException("interrupted");
          }
          return counting.run(cell);
        };
    ExperimentGrid grid = new ExperimentGrid(config, store);
    assertEquals(8, grid.pending().size());
    assertThrows(IllegalStateException.class, () -> grid.run(failing));
    assertEquals(3, computed.size());
    assertEquals(5, grid.pending().size());

    computed.clear();
    ExperimentGrid.Progress progress = grid.run(counting);
    assertEquals(new ExperimentGrid.Progress(8, 3, 5), progress);
    assertEquals(5, computed.size());
    assertEquals(
        new CellKey("balanced", "ae", "uniform", 20, 1),
        computed.get(0),
        "resumes at the first missing cell");

    computed.clear();
    assertEquals(new ExperimentGrid.Progress(8, 8, 0), grid.run(counting));
    assertEquals(List.of(), computed);
  }

  @Test
  void aCellResultRoundTripsThroughItsFile() {
    CellStore store = new CellStore(dir);
    CellKey key = new CellKey("unbalanced", "ae", "normal-cluster", 100, 3);
    CellResult result = Cells.result(key, 0.875);
    store.write(result);
    assertTrue(Files.isRegularFile(dir.resolve("unbalanced__ae__normal-cluster__b100__s3.json")));
    CellResult read = store.read(key).orElseThrow();
    assertEquals(result, read);
  }

  @Test
  void aFileHoldingAnotherCellIsRefused() throws Exception {
    CellStore store = new CellStore(dir);
    CellKey key = new CellKey("b", "ae", "uniform", 10, 1);
    CellKey other = new CellKey("b", "ae", "uniform", 10, 2);
    store.write(Cells.result(other, 0.5));
    Files.move(store.path(other), store.path(key));
    var e = assertThrows(InputException.class, () -> store.read(key));
    assertTrue(
        e.getMessage()
            .endsWith(
                "holds the result of cell b/ae/uniform/10/seed 2, expected b/ae/uniform/10/seed 1"),
        e.getMessage());
  }

  @Test
  void aRunnerReturningAnotherCellsResultIsAnError() {
    ExperimentGrid grid = new ExperimentGrid(config(), new CellStore(dir));
    var e =
        assertThrows(
            IllegalStateException.class,
            () -> grid.run(cell -> Cells.result(new CellKey("x", "y", "z", 1, 1), 0.1)));
    assertTrue(
        e.getMessage().startsWith("the runner returned the result of x/y/z/1/seed 1 for cell"),
        e.getMessage());
  }
}
