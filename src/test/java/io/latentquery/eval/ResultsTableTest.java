package io.latentquery.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        List.of(ExperimentConfig.StrategySpec.of(null, "uniform", Map.of())),
        List.of(100),
        List.of(1L, 2L, 3L),
        null,
        true,
        null,
        null,
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
    String header =
        "| autoencoder | strategy | balanced / 100 | unbalanced / 100 |\n"
            + "|---|---|---:|---:|\n";
    assertEquals(
        "Accuracy in percent on the validation split, mean ± std over seeds; classifier small,"
            + " 800 steps, recipe scratch.\n\n"
            + header
            + "| none | random | 90.00 (1 of 3 seeds) | - |\n"
            + "| ae | uniform | 93.00 ± 2.00 | 80.50 ± 0.71 (2 of 3 seeds) |\n"
            + "\nDifference to random in percentage points, paired by seed: mean [95% interval,"
            + " paired t]; * marks an interval that excludes 0.\n\n"
            + header
            + "| ae | uniform | +3.00 (1 seed) | - |\n",
        table.markdown());
    assertEquals(
        "autoencoder,strategy,balanced / 100,unbalanced / 100\n"
            + "none,random,90.00 (1 of 3 seeds),-\n"
            + "ae,uniform,93.00 ± 2.00,80.50 ± 0.71 (2 of 3 seeds)\n",
        table.csv());
    assertEquals(6, table.storedCells());
    assertEquals(
        "dataset,autoencoder,strategy,budget,seed,accuracy,classes_covered,normalized_entropy,"
            + "largest_to_smallest,autoencoder_seed,commit,dirty,pseudo_label_accuracy,"
            + "pseudo_label_confident_accuracy",
        table.cellsCsv().lines().findFirst().orElseThrow());
    assertEquals(
        "balanced,ae,uniform,100,1,0.91,2,0.9182958340544894,2.0,,,,,",
        table.cellsCsv().lines().skip(1).findFirst().orElseThrow());
  }

  @Test
  void propagatingCellsListHowOftenTheirSpreadLabelsWereRight() {
    CellKey key = new CellKey("balanced", "ae", "uniform", 100, 1);
    CellResult plain = Cells.result(key, 0.9);
    CellResult propagated =
        new CellResult(
            key,
            plain.evaluation(),
            plain.selection(),
            new CellRun(
                Map.of(),
                Map.of(),
                1.0,
                io.latentquery.provenance.Provenance.builder("experiment cell")
                    .result(
                        "pseudo_labels",
                        new io.latentquery.sampling.propagate.PropagationJob.Agreement(
                            0.8, 0.875, 400))
                    .build()));
    ResultsTable table = ResultsTable.of(config(), Map.of(key, propagated));
    String row = table.cellsCsv().lines().skip(1).findFirst().orElseThrow();
    assertTrue(row.endsWith(",0.8,0.875"), row);
  }

  @Test
  void differencesToRandomArePairedBySeedWithATInterval() {
    Map<CellKey, CellResult> results = new HashMap<>();
    double[] random = {0.90, 0.90, 0.91};
    double[] uniform = {0.91, 0.93, 0.95};
    double[] kmeans = {0.95, 0.96, 0.98};
    for (int i = 0; i < 3; i++) {
      put(results, "balanced", "none", "random", i + 1, random[i]);
      put(results, "balanced", "ae", "uniform", i + 1, uniform[i]);
      put(results, "balanced", "ae", "kmeans", i + 1, kmeans[i]);
    }
    ResultsTable table = ResultsTable.of(configWith("uniform", "kmeans"), results);
    // uniform - random = 0.01, 0.03, 0.04: mean 0.02667, sample std 0.015275, t(2, 0.975) =
    // 4.302653, half width 4.302653 * 0.015275 / sqrt(3) = 0.037946.
    PairedDifference uniformDiff = table.rows().get(1).vsRandom().get(0);
    assertEquals(3, uniformDiff.n());
    assertEquals(0.026667, uniformDiff.mean(), 1e-6);
    assertEquals(0.015275, uniformDiff.std(), 1e-6);
    assertEquals(-0.011279, uniformDiff.low(), 1e-6);
    assertEquals(0.064613, uniformDiff.high(), 1e-6);
    assertEquals("+2.67 [-1.13, +6.46]", uniformDiff.text());
    // kmeans - random = 0.05, 0.06, 0.07: mean 0.06, std 0.01, half width 0.024841.
    PairedDifference kmeansDiff = table.rows().get(2).vsRandom().get(0);
    assertEquals("+6.00 [+3.52, +8.48]*", kmeansDiff.text());
    assertTrue(kmeansDiff.excludesZero());
    assertNull(table.rows().get(0).vsRandom());
    assertTrue(table.pairedCsv().contains("balanced / 100,ae,kmeans,3,"));
  }

  @Test
  void aStrategyThatSelectsTheSameExamplesForEverySeedIsMarked() {
    Map<CellKey, CellResult> results = new HashMap<>();
    for (long seed = 1; seed <= 3; seed++) {
      CellKey key = new CellKey("balanced", "ae", "uniform", 100, seed);
      results.put(key, Cells.result(key, 0.9 + seed / 100.0, new int[] {3, 1, 2}));
      CellKey other = new CellKey("balanced", "ae", "kmeans", 100, seed);
      results.put(other, Cells.result(other, 0.9));
    }
    ResultsTable table = ResultsTable.of(configWith("uniform", "kmeans"), results);
    assertTrue(table.rows().get(1).sameSelection());
    assertFalse(table.rows().get(2).sameSelection());
    assertTrue(table.markdown().contains("| ae | uniform " + ResultsTable.SAME_SELECTION + " |"));
  }

  private static ExperimentConfig configWith(String... strategies) {
    return new ExperimentConfig(
        "t",
        null,
        List.of(ExperimentConfig.DatasetSpec.of("balanced", "mnist")),
        List.of(ExperimentConfig.AutoencoderSpec.of("ae", "conv", "small", 1, 2)),
        java.util.Arrays.stream(strategies)
            .map(s -> ExperimentConfig.StrategySpec.of(null, s, Map.of()))
            .toList(),
        List.of(100),
        List.of(1L, 2L, 3L),
        null,
        true,
        null,
        null,
        null);
  }

  @Test
  void summaryOfTwoEqualValuesHasZeroStd() {
    ResultsTable.Summary s = ResultsTable.Summary.of(List.of(0.5, 0.5), 2);
    assertEquals("50.00 ± 0.00", s.text());
    assertEquals("-", ResultsTable.Summary.of(List.of(), 2).text());
  }
}
