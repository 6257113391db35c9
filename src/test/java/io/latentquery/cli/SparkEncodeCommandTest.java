package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentquery.TestData;
import io.latentquery.data.PngFolders;
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

  @Test
  void aParquetTableOfPngBytesEncodesAsTheSameImagesInAFolderDo() {
    Path folder = dir.resolve("images");
    for (int c = 0; c < 3; c++) {
      PngFolders.write(folder.resolve("c" + c), c, 3, 30, 28);
    }
    Path table = dir.resolve("images.parquet");
    SparkTestTables.imagesToParquet(folder, table, 2);
    Path csv = dir.resolve("folder.csv");
    CliRun local =
        CliRun.of(
            "encode",
            "--model",
            encoder.toString(),
            "--data",
            folder.toString(),
            "--threads",
            "1",
            "--out",
            csv.toString());
    assertEquals(0, local.code(), local.err());
    Path parquet = dir.resolve("table-z.parquet");
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
            table.toString(),
            "--id-column",
            "name",
            "--image-column",
            "png",
            "--label-column",
            "class",
            "--threads",
            "1",
            "--out",
            parquet.toString());
    assertEquals(0, spark.code(), spark.err());
    assertTrue(spark.out().startsWith("encoded 90 examples of images.parquet"), spark.out());

    Encodings expected = LatentFile.read(csv);
    Map<String, SparkTestTables.EncodedRow> byId = new java.util.HashMap<>();
    Map<Long, SparkTestTables.EncodedRow> rows = SparkTestTables.read(parquet, "error_bce");
    rows.values().forEach(row -> byId.put(row.id(), row));
    assertEquals(
        java.util.Set.copyOf(java.util.stream.LongStream.range(0, 90).boxed().toList()),
        rows.keySet(),
        "rows are numbered 0..89");
    assertEquals(90, byId.size());
    for (int i = 0; i < expected.count(); i++) {
      SparkTestTables.EncodedRow row = byId.get(expected.id(i));
      assertTrue(row != null, "no encoding for " + expected.id(i));
      assertEquals(expected.label(i), row.label(), expected.id(i));
      double[] z = expected.point(i);
      for (int d = 0; d < z.length; d++) {
        assertEquals(z[d], row.z()[d], 1e-5, expected.id(i));
      }
      assertTrue(row.error() > 0, "reconstruction error of " + expected.id(i));
    }
    JsonNode record = Json.readTree(dir.resolve("table-z.parquet.json"));
    assertEquals("png", record.get("settings").get("imageColumn").asText());
    assertEquals(64, record.get("dataChecksum").asText().length(), "the table's footprint");
  }

  @Test
  void aTableWithoutTheImageColumnIsNamedWithItsFlag() {
    Path folder = dir.resolve("images");
    PngFolders.write(folder.resolve("c0"), 0, 1, 4, 28);
    Path table = dir.resolve("images.parquet");
    SparkTestTables.imagesToParquet(folder, table, 1);
    Path out = dir.resolve("z.parquet");
    CliRun run =
        CliRun.of(
            "spark",
            "encode",
            "--master",
            "local[2]",
            "--model",
            encoder.toString(),
            "--data",
            table.toString(),
            "--id-column",
            "name",
            "--out",
            out.toString());
    assertEquals(1, run.code());
    assertTrue(
        run.errorLine().contains("--image-column: " + table + " has no column image"), run.err());
    assertTrue(run.errorLine().contains("columns: name, png, class"), run.err());
    assertTrue(!java.nio.file.Files.exists(out), "nothing written");

    CliRun limited =
        CliRun.of(
            "spark",
            "encode",
            "--model",
            encoder.toString(),
            "--data",
            table.toString(),
            "--limit",
            "3",
            "--out",
            out.toString());
    assertEquals(2, limited.code());
    assertTrue(
        limited.err().contains("--limit applies to datasets, not to the Parquet image table"),
        limited.err());

    CliRun column =
        CliRun.of(
            "spark",
            "encode",
            "--model",
            encoder.toString(),
            "--data",
            "mnist",
            "--image-column",
            "png",
            "--out",
            out.toString());
    assertEquals(2, column.code());
    assertTrue(
        column.err().contains("--image-column applies only when --data names a Parquet"),
        column.err());
  }
}
