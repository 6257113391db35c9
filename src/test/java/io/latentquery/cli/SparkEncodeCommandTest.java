package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentquery.TestData;
import io.latentquery.files.Json;
import io.latentquery.inference.Encodings;
import io.latentquery.inference.TinySavedModels;
import io.latentquery.sampling.io.LatentFile;
import io.latentquery.spark.SparkTestTables;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lq spark encode against lq encode on the same MNIST images and the same tiny SavedModels. */
class SparkEncodeCommandTest {
  @org.junit.jupiter.api.AfterAll
  static void stopSpark() {
    SparkTestTables.stopSpark();
  }

  private static final int POOL = 250;

  @TempDir static Path models;
  @TempDir Path dir;

  static Path encoder;
  static Path autoencoder;

  @BeforeAll
  static void exportModels() throws IOException {
    System.setProperty("lq.data.dir", TestData.dataDir().toString());
    encoder =
        TinySavedModels.linearEncoder(
            models.resolve("encoder"), 28, 28, 1, TinySavedModels.matrix(784, 3));
    autoencoder =
        TinySavedModels.scalingAutoencoder(models.resolve("autoencoder"), 28, 28, 1, 0.5f, true);
  }

  @Test
  void sparkEncodingsEqualLqEncodesAndCarryTheErrors() {
    Path csv = dir.resolve("z.csv");
    CliRun local =
        CliRun.of(
            "encode",
            "--model",
            encoder.toString(),
            "--data",
            "mnist",
            "--limit",
            Integer.toString(POOL),
            "--threads",
            "1",
            "--out",
            csv.toString());
    assertEquals(0, local.code(), local.err());
    Path parquet = dir.resolve("z.parquet");
    CliRun spark =
        CliRun.of(
            "spark",
            "encode",
            "--master",
            "local[2]",
            "--partitions",
            "3",
            "--model",
            encoder.toString(),
            "--autoencoder",
            autoencoder.toString(),
            "--data",
            "mnist",
            "--limit",
            Integer.toString(POOL),
            "--threads",
            "1",
            "--batch-size",
            "64",
            "--out",
            parquet.toString());
    assertEquals(0, spark.code(), spark.err());
    assertTrue(spark.out().startsWith("encoded 250 examples of mnist"), spark.out());

    Encodings expected = LatentFile.read(csv);
    Map<Long, SparkTestTables.EncodedRow> rows = SparkTestTables.read(parquet, "error_bce");
    assertEquals(POOL, rows.size());
    for (int i = 0; i < POOL; i++) {
      SparkTestTables.EncodedRow row = rows.get((long) i);
      assertEquals(expected.id(i), row.id());
      assertEquals(expected.label(i), row.label());
      double[] z = expected.point(i);
      for (int d = 0; d < z.length; d++) {
        assertEquals(z[d], row.z()[d], 1e-5, "example " + i);
      }
      assertTrue(row.error() > 0, "reconstruction error of example " + i);
    }
    JsonNode record = Json.readTree(dir.resolve("z.parquet.json"));
    assertEquals("spark encode", record.get("command").asText());
    assertEquals(3, record.get("results").get("latentDim").asInt());

    CliRun again =
        CliRun.of(
            "spark",
            "encode",
            "--model",
            encoder.toString(),
            "--data",
            "mnist",
            "--limit",
            "5",
            "--out",
            parquet.toString());
    assertEquals(1, again.code());
    assertTrue(again.errorLine().contains("exists; use --force"), again.err());
    assertEquals(POOL, SparkTestTables.read(parquet, "error_bce").size(), "nothing was lost");
  }

  @Test
  void theErrorMeasureNeedsAnAutoencoder() {
    CliRun run =
        CliRun.of(
            "spark",
            "encode",
            "--model",
            encoder.toString(),
            "--data",
            "mnist",
            "--error",
            "l1",
            "--out",
            dir.resolve("z.parquet").toString());
    assertEquals(2, run.code());
    assertTrue(run.err().contains("--error applies only with --autoencoder"), run.err());
  }
}
