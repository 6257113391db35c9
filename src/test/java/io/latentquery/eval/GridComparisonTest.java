package io.latentquery.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GridComparisonTest {
  private static ExperimentConfig config(String name) {
    return new ExperimentConfig(
        name,
        null,
        List.of(ExperimentConfig.DatasetSpec.of("balanced", "b")),
        List.of(ExperimentConfig.AutoencoderSpec.of("ae", "conv", "small", 1, 2)),
        List.of(ExperimentConfig.StrategySpec.of(null, "kmeans", Map.of())),
        List.of(100),
        List.of(1L, 2L, 3L),
        null,
        true,
        null,
        null,
        null);
  }

  @Test
  void differencesArePairedByCellWithATIntervalAndDifferentSelectionsCounted() {
    Map<CellKey, CellResult> base = new HashMap<>();
    Map<CellKey, CellResult> other = new HashMap<>();
    double[] before = {0.80, 0.85, 0.70};
    double[] after = {0.82, 0.89, 0.76};
    for (int s = 1; s <= 3; s++) {
      CellKey kmeans = new CellKey("balanced", "ae", "kmeans", 100, s);
      base.put(kmeans, Cells.result(kmeans, before[s - 1]));
      // Seed 3's selection differs between the grids.
      int[] indices = s == 3 ? new int[] {9, 9, 9} : new int[] {4, 1, 6 + s};
      other.put(kmeans, Cells.result(kmeans, after[s - 1], indices));
    }
    // Random: seed 2 stored only in the base grid, so one fewer pair.
    for (int s = 1; s <= 3; s++) {
      CellKey random = new CellKey("balanced", "none", "random", 100, s);
      base.put(random, Cells.result(random, 0.7));
      if (s != 2) {
        other.put(random, Cells.result(random, 0.7));
      }
    }
    GridComparison comparison =
        GridComparison.of(config("scratch"), base, config("propagate"), other);
    // kmeans differences 2, 4, 6 points: mean 4, sample std 2, t(0.975, 2) = 4.3027 -> half width
    // 4.3027 * 2 / sqrt(3) = 4.968.
    GridComparison.Row kmeans = comparison.rows().get(1);
    assertEquals("kmeans", kmeans.strategy());
    PairedDifference d = kmeans.differences().get(0);
    assertEquals(3, d.n());
    assertEquals(0.04, d.mean(), 1e-12);
    assertEquals(0.02, d.std(), 1e-12);
    assertEquals(0.04 - 0.04968, d.low(), 1e-5);
    assertEquals(List.of(1), kmeans.differentSelections());
    GridComparison.Row random = comparison.rows().get(0);
    assertEquals(2, random.differences().get(0).n());
    assertEquals(0, random.differences().get(0).mean(), 1e-12);
    String markdown = comparison.markdown();
    assertTrue(markdown.startsWith("propagate minus scratch"), markdown);
    assertTrue(markdown.contains("| ae | kmeans | +4.00 [-0.97, +8.97] |"), markdown);
    assertTrue(markdown.contains("1 pairs have different selections."), markdown);
    assertEquals(
        "compare__scratch__propagate.csv", GridComparison.fileName("scratch", "propagate", "csv"));
  }
}
