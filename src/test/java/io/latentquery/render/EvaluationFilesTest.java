package io.latentquery.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.latentquery.InputException;
import io.latentquery.files.Json;
import io.latentquery.report.EvaluationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationFilesTest {
  @TempDir Path dir;

  private static void assertResult(
      EvaluationResult r, String strategy, int budget, String setting, double mean, double std) {
    assertEquals(strategy, r.strategy());
    assertEquals(budget, r.budget());
    assertEquals(setting, r.setting());
    assertEquals(mean, r.mean(), 1e-12, strategy + " mean");
    assertEquals(std, r.std(), 1e-12, strategy + " std");
  }

  @Test
  void cellsAreGroupedWithMeanAndSampleStandardDeviation() throws Exception {
    Path cells =
        Files.writeString(
            dir.resolve("cells.csv"),
            String.join(
                "\n",
                "dataset,autoencoder,strategy,budget,seed,accuracy,classes_covered",
                "mnist,none,random,10,1,0.5,9",
                "mnist,none,random,10,2,0.7,9",
                "mnist,none,random,10,3,0.6,9",
                "mnist,ae,uniform,10,1,0.8,10",
                "mnist,ae,uniform,20,1,0.9,10",
                ""));
    List<EvaluationResult> results = EvaluationFiles.read(List.of(cells));
    assertEquals(3, results.size());
    // 0.5, 0.7, 0.6: mean 0.6, squares 0.01 + 0.01 + 0 over n - 1 = 2 -> std 0.1
    assertResult(results.get(0), "random", 10, "mnist", 0.6, 0.1);
    assertResult(results.get(1), "uniform", 10, "mnist", 0.8, 0);
    assertResult(results.get(2), "uniform", 20, "mnist", 0.9, 0);
  }

  @Test
  void strategiesAreNamedWithTheirAutoencoderOnlyWhenSeveralAreGiven() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("results"));
    for (String[] cell : List.of(new String[] {"ae", "0.8"}, new String[] {"vae", "0.85"})) {
      Json.write(
          folder.resolve(cell[0] + ".json"),
          Map.of(
              "key",
                  Map.of(
                      "dataset",
                      "balanced",
                      "autoencoder",
                      cell[0],
                      "strategy",
                      "normal",
                      "budget",
                      30,
                      "seed",
                      1),
              "evaluation", Map.of("accuracy", Double.parseDouble(cell[1]))));
    }
    Json.write(folder.resolve("config.json"), Map.of("seeds", List.of(1)));
    List<EvaluationResult> results = EvaluationFiles.read(List.of(folder));
    assertEquals(2, results.size(), "config.json in the folder is not a result and is skipped");
    assertResult(results.get(0), "normal (ae)", 30, "balanced", 0.8, 0);
    assertResult(results.get(1), "normal (vae)", 30, "balanced", 0.85, 0);
  }

  @Test
  void anEvaluationNamesItsStrategyFromTheSelectionRecordOrFileName() throws Exception {
    Path selection = dir.resolve("picked.csv");
    Json.write(dir.resolve("picked.json"), Map.of("strategy", "uniform-cluster"));
    Json.write(
        dir.resolve("a.evaluation.json"),
        Map.of(
            "data",
            "mnist",
            "selection",
            selection.toString(),
            "result",
            Map.of("budget", 5, "accuracy", 0.4)));
    Json.write(
        dir.resolve("b.evaluation.json"),
        Map.of(
            "data",
            "mnist",
            "selection",
            dir.resolve("other.csv").toString(),
            "result",
            Map.of("budget", 5, "accuracy", 0.3)));
    List<EvaluationResult> results =
        EvaluationFiles.read(
            List.of(dir.resolve("a.evaluation.json"), dir.resolve("b.evaluation.json")));
    assertResult(results.get(0), "uniform-cluster", 5, "mnist", 0.4, 0);
    assertResult(results.get(1), "other", 5, "mnist", 0.3, 0);
  }

  @Test
  void filesThatAreNotResultsAreRefusedByName() throws Exception {
    Path json = dir.resolve("x.json");
    Json.write(json, Map.of("strategy", "random"));
    InputException e =
        assertThrows(InputException.class, () -> EvaluationFiles.read(List.of(json)));
    assertEquals(
        json
            + " is not an evaluation result: expected 'result' (lq evaluate) or 'key' and 'evaluation' "
            + "(lq experiment)",
        e.getMessage());
    Path csv = Files.writeString(dir.resolve("t.csv"), "strategy,budget\nrandom,10\n");
    e = assertThrows(InputException.class, () -> EvaluationFiles.read(List.of(csv)));
    assertEquals(
        csv + " has no 'accuracy' column; expected the cells.csv of lq experiment table",
        e.getMessage());
    Path empty = Files.createDirectories(dir.resolve("empty"));
    e = assertThrows(InputException.class, () -> EvaluationFiles.read(List.of(empty)));
    assertEquals(
        empty + " holds no evaluation results (*.evaluation.json, grid cell files or cells.csv)",
        e.getMessage());
    e =
        assertThrows(
            InputException.class, () -> EvaluationFiles.read(List.of(dir.resolve("gone.json"))));
    assertEquals("missing evaluation file: " + dir.resolve("gone.json"), e.getMessage());
  }
}
