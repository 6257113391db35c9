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
  void aLabelsFileTrainsOnItsOwnLabelsNotTheData() throws Exception {
    Path labels = dir.resolve("labels.csv");
    StringBuilder rows = new StringBuilder("id,label\n");
    for (int i = 0; i < 12; i++) {
      rows.append(i).append(',').append(i < 8 ? "3" : "5").append('\n');
    }
    Files.writeString(labels, rows);
    StringWriter err = new StringWriter();
    int code =
        run(
            err,
            "evaluate",
            "--data",
            "mnist",
            "--labels",
            labels.toString(),
            "--steps",
            "2",
            "--test-limit",
            "50",
            "--threads",
            "1");
    assertEquals(0, code, err.toString());
    JsonNode report = Json.readTree(dir.resolve("labels.evaluation.json"));
    assertEquals(12, report.at("/result/budget").asInt());
    JsonNode histogram = report.at("/result/balance/histogram");
    assertEquals(8, histogram.get(3).asInt());
    assertEquals(4, histogram.get(5).asInt());
    assertEquals(2, report.at("/result/balance/classesCovered").asInt());
    assertEquals(labels.toString(), report.at("/selection").asText());
  }

  @Test
  void aLabelsFileWithAnUnknownClassOrIdFailsWithOneLineNamingTheRow() throws Exception {
    Path labels = dir.resolve("labels.csv");
    Files.writeString(labels, "id,label\n0,5\n1,seven\n");
    StringWriter err = new StringWriter();
    assertEquals(
        1, run(err, "evaluate", "--data", "mnist", "--labels", labels.toString(), "--steps", "1"));
    assertEquals(
        "lq: "
            + labels
            + " row 2: label 'seven' of id '1' is not a class of mnist/pool"
            + " (0, 1, 2, 3, 4, 5, 6, 7, 8, 9)",
        err.toString().strip());
    Files.writeString(labels, "id,label\n0,5\nnot-an-id,3\n");
    StringWriter err2 = new StringWriter();
    assertEquals(
        1, run(err2, "evaluate", "--data", "mnist", "--labels", labels.toString(), "--steps", "1"));
    assertEquals(
        "lq: " + labels + " row 2: id 'not-an-id' is not in mnist/pool", err2.toString().strip());
    assertTrue(Files.notExists(dir.resolve("labels.evaluation.json")));
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
