package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.eval.CellKey;
import io.latentquery.eval.CellResult;
import io.latentquery.eval.CellStore;
import io.latentquery.eval.ClassifierSettings;
import io.latentquery.eval.EvaluationResult;
import io.latentquery.eval.SelectionBalance;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExperimentCommandTest {
  @TempDir Path dir;

  private static int run(StringWriter err, String... args) {
    CommandLine commandLine = Main.commandLine();
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void tableAggregatesTheStoredCellsIntoFiles() throws Exception {
    Path config = dir.resolve("c.json");
    Path results = dir.resolve("results");
    Files.writeString(
        config,
        """
        {"name": "c", "results": "%s", "datasets": [{"id": "balanced", "data": "mnist"}],
         "autoencoders": [{"id": "ae", "model": "conv", "preset": "small", "epochs": 1, "latentDim": 2}],
         "strategies": [{"name": "uniform"}], "budgets": [100], "seeds": [1]}
        """
            .formatted(results));
    CellKey key = new CellKey("balanced", "ae", "uniform", 100, 1);
    EvaluationResult evaluation =
        new EvaluationResult(
            100,
            0.9123,
            List.of(0.9, 0.92),
            List.of("0", "1"),
            10,
            0.1,
            SelectionBalance.of(new int[] {0, 1}, 2),
            ClassifierSettings.defaults(1));
    new CellStore(results).write(new CellResult(key, evaluation, null, null));

    StringWriter err = new StringWriter();
    assertEquals(0, run(err, "experiment", "table", config.toString()), err.toString());
    String markdown = Files.readString(results.resolve("table.md"));
    assertTrue(markdown.contains("| ae | uniform | 91.23 |"), markdown);
    assertTrue(markdown.contains("| none | random | - |"), markdown);
    assertTrue(Files.isRegularFile(results.resolve("table.csv")));
    assertTrue(Files.isRegularFile(results.resolve("cells.csv")));
  }

  @Test
  void aBadConfigFailsWithOneLineNamingTheValue() throws Exception {
    Path config = dir.resolve("bad.json");
    Files.writeString(
        config,
        """
        {"name": "c", "datasets": [{"id": "balanced", "data": "mnist"}],
         "autoencoders": [{"id": "ae", "model": "conv", "preset": "small", "epochs": 1, "latentDim": 2}],
         "strategies": [{"name": "uniform"}], "budgets": [-5], "seeds": [1]}
        """);
    StringWriter err = new StringWriter();
    assertEquals(1, run(err, "experiment", "table", config.toString()));
    assertEquals("lq: " + config + ": budgets[0] must be >= 1, got -5", err.toString().strip());
  }

  @Test
  void runRefusesAnUnknownStrategyAndModelKindBeforeTrainingAnything() throws Exception {
    Path config = dir.resolve("typo.json");
    Path results = dir.resolve("results");
    Files.writeString(
        config,
        """
        {"name": "c", "results": "%s", "datasets": [{"id": "balanced", "data": "mnist"}],
         "autoencoders": [{"id": "ae", "model": "dense", "preset": "small", "epochs": 1, "latentDim": 2}],
         "strategies": [{"name": "normal-clustr"}], "budgets": [100], "seeds": [1]}
        """
            .formatted(results));
    StringWriter err = new StringWriter();
    assertEquals(1, run(err, "experiment", "run", config.toString()));
    String message = err.toString().strip();
    assertTrue(
        message.startsWith(
            "lq: "
                + config
                + ": 2 problems: autoencoders[0].model: unknown model kind 'dense' (known: conv"),
        message);
    assertTrue(
        message.contains(
            "strategies[0].name: unknown strategy 'normal-clustr' (known: ae-error, kcenter, kmeans,"
                + " least-confident, normal, "),
        message);
    assertEquals(1, message.lines().count());
    assertTrue(!Files.exists(results), "nothing was written");
  }
}
