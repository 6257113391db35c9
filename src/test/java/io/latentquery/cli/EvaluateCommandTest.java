package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentquery.UsesTestData;
import io.latentquery.files.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@ExtendWith(UsesTestData.class)
class EvaluateCommandTest {
  @TempDir Path dir;

  private static int run(StringWriter err, String... args) {
    CommandLine commandLine = Main.commandLine();
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void aSelectionFromOtherDataFailsWithOneLine() throws Exception {
    Path selection = dir.resolve("selection.csv");
    Files.writeString(selection, "rank,index,id,label\n1,5,5,2\n2,6,60006,1\n");
    StringWriter err = new StringWriter();
    int code =
        run(
            err,
            "evaluate",
            "--data",
            "mnist",
            "--selection",
            selection.toString(),
            "--steps",
            "1");
    assertEquals(1, code);
    String message = err.toString().strip();
    assertEquals(1, message.lines().count(), message);
    assertTrue(
        message.startsWith(
            "lq: " + selection + " row 2: index 6 has id '60006' but pool example 6"),
        message);
    assertTrue(Files.notExists(dir.resolve("selection.evaluation.json")));
  }

  @Test
  void aRandomBaselineIsEvaluatedAndWrittenWithProvenance() {
    Path out = dir.resolve("random.json");
    StringWriter err = new StringWriter();
    int code =
        run(
            err,
            "evaluate",
            "--data",
            "mnist",
            "--random",
            "30",
            "--steps",
            "3",
            "--test-limit",
            "100",
            "--threads",
            "1",
            "--seed",
            "5",
            "--out",
            out.toString());
    assertEquals(0, code, err.toString());
    JsonNode report = Json.readTree(out);
    assertEquals(30, report.at("/result/budget").asInt());
    assertEquals(100, report.at("/result/testSize").asInt());
    assertEquals(30, report.at("/result/balance/size").asInt());
    assertEquals(10, report.at("/result/perClassAccuracy").size());
    assertEquals("evaluate", report.at("/provenance/command").asText());
    assertEquals(5, report.at("/provenance/seed").asLong());
    assertEquals("small", report.at("/provenance/settings/classifier/architecture/name").asText());
  }

  @Test
  void refusedSettingsNameTheFlagTheUserTyped() {
    String[][] cases = {
      {"--batch-size", "0", "--batch-size must be >= 1, got 0"},
      {"--steps", "0", "--steps must be >= 1, got 0"},
      {"--learning-rate", "0", "--learning-rate must be > 0, got 0.0"},
      {"--threads", "0", "--threads must be >= 1, got 0"},
      {"--test-limit", "0", "--test-limit must be >= 1, got 0"},
      {"--pool-size", "0", "--pool-size must be >= 1, got 0"},
    };
    for (String[] c : cases) {
      StringWriter err = new StringWriter();
      Path out = dir.resolve("e.json");
      int code =
          run(
              err,
              "evaluate",
              "--data",
              "mnist",
              "--random",
              "3",
              "--out",
              out.toString(),
              c[0],
              c[1]);
      assertEquals(2, code, err.toString());
      assertEquals("lq: usage error: " + c[2], err.toString().lines().findFirst().orElse(""));
      assertTrue(Files.notExists(out));
    }
  }

  @Test
  void aRandomSelectionLargerThanThePoolNamesTheFlag() {
    StringWriter err = new StringWriter();
    int code = run(err, "evaluate", "--data", "mnist", "--limit", "50", "--random", "51");
    assertEquals(2, code, err.toString());
    assertEquals(
        "lq: usage error: --random must be in 1..50, got 51",
        err.toString().lines().findFirst().orElse(""));
  }

  @Test
  void bothSourcesAtOnceIsAUsageError() {
    StringWriter err = new StringWriter();
    int code = run(err, "evaluate", "--data", "mnist", "--random", "3", "--selection", "x.csv");
    assertEquals(2, code);
    assertTrue(err.toString().contains("mutually exclusive"), err.toString());
  }
}
