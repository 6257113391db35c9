package io.latentquery.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultsTableTest {
  private static ExperimentConfig config() {
    return new ExperimentConfig(
        "t",
        null,
        List.of(
            ExperimentConfig.DatasetSpec.of("balanced", "mnist"),
            ExperimentConfig.DatasetSpec.of("unbalanced", "u")),
        List.of(ExperimentConfig.AutoencoderSpec.of("ae", "conv", "small", 1, 2)),
        List.of(new ExperimentConfig.StrategySpec(null, "uniform", Map.of())),
        List.of(100),
        List.of(1L, 2L, 3L),
        null,
        true,
        null);
  }

  private static void put(
      Map<CellKey, CellResult> results,
      String dataset,
      String ae,
      String strategy,
      long seed,
      double accuracy) {
    CellKey key = new CellKey(dataset, ae, strategy, 100, seed);
    results.put(key, Cells.result(key, accuracy));
  }

  @Test
  void cellsAreMeanAndSampleStdInPercent() {
    Map<CellKey, CellResult> results = new HashMap<>();
    // ae/uniform balanced: 0.91, 0.93, 0.95 -> mean 93.00; deviations -2, 0, 2 (percent):
    // sample variance (4 + 0 + 4) / 2 = 4, std 2.00.
    put(results, "balanced", "ae", "uniform", 1, 0.91);
    put(results, "balanced", "ae", "uniform", 2, 0.93);
    put(results, "balanced", "ae", "uniform", 3, 0.95);
    // ae/uniform unbalanced: 0.80 and 0.81 only -> mean 80.50; sample variance (0.25 + 0.25) / 1
    // = 0.5, std 0.7071 -> 0.71; two of three seeds.
    put(results, "unbalanced", "ae", "uniform", 1, 0.80);
    put(results, "unbalanced", "ae", "uniform", 3, 0.81);
    // Random baseline balanced: one seed, 0.9 -> 90.00 without std.
    put(results, "balanced", "none", "random", 2, 0.9);

    ResultsTable table = ResultsTable.of(config(), results);
    assertEquals(List.of("balanced / 100", "unbalanced / 100"), table.columns());
    assertEquals(
        "| autoencoder | strategy | balanced / 100 | unbalanced / 100 |\n"
            + "|---|---|---:|---:|\n"
            + "| none | random | 90.00 (1 of 3 seeds) | - |\n"
            + "| ae | uniform | 93.00 ± 2.00 | 80.50 ± 0.71 (2 of 3 seeds) |\n",
        table.markdown());
    assertEquals(
        "autoencoder,strategy,balanced / 100,unbalanced / 100\n"
            + "none,random,90.00 (1 of 3 seeds),-\n"
            + "ae,uniform,93.00 ± 2.00,80.50 ± 0.71 (2 of 3 seeds)\n",
        table.csv());
    assertEquals(6, table.storedCells());
    assertEquals(
        "dataset,autoencoder,strategy,budget,seed,accuracy,classes_covered,normalized_entropy,largest_to_smallest",
        table.cellsCsv().lines().findFirst().orElseThrow());
    assertEquals(
        "balanced,ae,uniform,100,1,0.91,2,0.9182958340544894,2.0",
        table.cellsCsv().lines().skip(1).findFirst().orElseThrow());
  }

  @Test
  void summaryOfTwoEqualValuesHasZeroStd() {
    ResultsTable.Summary s = ResultsTable.Summary.of(List.of(0.5, 0.5), 2);
    assertEquals("50.00 ± 0.00", s.text());
    assertEquals("-", ResultsTable.Summary.of(List.of(), 2).text());
  }
}
