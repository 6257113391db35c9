package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentquery.files.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkBenchCommandTest {
  @TempDir Path dir;

  @AfterAll
  static void stopSpark() {
    io.latentquery.spark.SparkTestTables.stopSpark();
  }

  @Test
  void timesEveryStageOfEveryStrategyAndSelectsN() {
    CliRun run =
        CliRun.of(
            "bench",
            "spark",
            "--points",
            "3000",
            "--dim",
            "3",
            "--n",
            "20",
            "--strategies",
            "random,normal,ae-error",
            "--work",
            dir.resolve("pool.parquet").toString(),
            "--out",
            dir.resolve("bench.json").toString());
    assertEquals(0, run.code(), run.err());
    JsonNode report = Json.readTree(dir.resolve("bench.json"));
    assertEquals("write", report.get("write").get(0).get("name").asText());
    assertEquals(3, report.get("runs").size());
    for (JsonNode strategy : report.get("runs")) {
      assertEquals(20, strategy.get("selected").asInt());
      assertEquals("read", strategy.get("stages").get(0).get("name").asText());
      for (JsonNode stage : strategy.get("stages")) {
        assertTrue(stage.get("seconds").asDouble() >= 0);
        assertTrue(stage.get("heapPeakBytes").asLong() > 0);
      }
    }
    assertEquals(
        "threshold,fit,draws",
        String.join(
            ",",
            java.util.stream.StreamSupport.stream(
                    report.get("runs").get(1).get("stages").spliterator(), false)
                .skip(1)
                .limit(3)
                .map(s -> s.get("name").asText())
                .toList()));
    assertTrue(run.out().contains("ae-error  top-n"), run.out());
  }

  @Test
  void timesTheClusteredStrategiesWithTheOptionsGiven() {
    CliRun run =
        CliRun.of(
            "bench",
            "spark",
            "--points",
            "3000",
            "--n",
            "20",
            "--strategies",
            "uniform-cluster,normal-cluster",
            "--option",
            "ward=approx",
            "--option",
            "ward-centroids=50",
            "--option",
            "clusters=3",
            "--work",
            dir.resolve("pool.parquet").toString(),
            "--out",
            dir.resolve("bench.json").toString());
    assertEquals(0, run.code(), run.err());
    JsonNode report = Json.readTree(dir.resolve("bench.json"));
    for (JsonNode strategy : report.get("runs")) {
      assertEquals(20, strategy.get("selected").asInt());
      assertEquals(
          "read,kmeans,ward,threshold,draws,rows",
          String.join(
              ",",
              java.util.stream.StreamSupport.stream(strategy.get("stages").spliterator(), false)
                  .map(s -> s.get("name").asText())
                  .toList()));
    }
    CliRun unread =
        CliRun.of(
            "bench",
            "spark",
            "--strategies",
            "random,normal-cluster",
            "--option",
            "clusters=3",
            "--work",
            dir.resolve("other.parquet").toString());
    assertEquals(2, unread.code());
    assertTrue(unread.err().contains("--clusters does not apply to strategy random"), unread.err());
  }

  /**
   * A strategy that stops (here: draws that all miss a tiny threshold) is reported with the stages
   * it ran, the last one marked, and the line it stopped with; the next strategy still runs, and
   * each one's line goes to stderr too, with exit status 1.
   */
  @Test
  void aStrategyThatStopsIsReportedAndTheNextOneStillRuns() {
    CliRun run =
        CliRun.of(
            "bench",
            "spark",
            "--points",
            "2000",
            "--dim",
            "8",
            "--n",
            "20",
            "--strategies",
            "uniform,normal",
            "--option",
            "threshold=0.001",
            "--option",
            "max-misses=50",
            "--work",
            dir.resolve("pool.parquet").toString(),
            "--out",
            dir.resolve("bench.json").toString());
    assertEquals(1, run.code(), run.err());
    assertTrue(run.err().contains("lq: uniform: stopped after 50 draws in a row"), run.err());
    assertTrue(run.err().contains("lq: normal: stopped after 50 draws in a row"), run.err());
    JsonNode report = Json.readTree(dir.resolve("bench.json"));
    assertEquals(2, report.get("runs").size());
    for (JsonNode strategy : report.get("runs")) {
      assertEquals(0, strategy.get("selected").asInt());
      assertTrue(
          strategy.get("stoppedBecause").asText().contains("stopped after 50 draws in a row"),
          strategy.toString());
      JsonNode stages = strategy.get("stages");
      assertEquals("read", stages.get(0).get("name").asText());
      assertEquals("draws (stopped)", stages.get(stages.size() - 1).get("name").asText());
    }
    assertTrue(run.out().contains("uniform   stopped: uniform: stopped after 50"), run.out());
    assertTrue(run.out().contains("normal    stopped: normal: stopped after 50"), run.out());
  }
}
