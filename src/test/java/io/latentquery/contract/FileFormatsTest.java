package io.latentquery.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each file format has one reader and one writer, and they agree with the files the commands wrote
 * before: reading such a file and writing it again gives the same bytes.
 */
class FileFormatsTest {
  @TempDir Path dir;

  private static Path resource(String name) {
    try {
      return Path.of(FileFormatsTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void metricsWrittenByTrainingReadAndWriteBackByteForByte() throws IOException {
    Path original = resource("metrics.csv");
    Metrics metrics = MetricsCsv.read(original);
    assertEquals(List.of("reconstruction"), metrics.lossTerms());
    assertEquals(Files.readAllLines(original).size() - 1, metrics.epochs().size());
    assertEquals(0.208449, metrics.epochs().get(0).validationLoss());
    Path copy = dir.resolve(MetricsCsv.FILE_NAME);
    MetricsCsv.write(copy, metrics);
    assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(copy));
  }

  @Test
  void selectionsWrittenByLqSampleReadAndWriteBackByteForByte() throws IOException {
    for (String name :
        List.of(
            "normal-cluster.csv",
            "ae-error.csv",
            "kcenter-labeled.csv",
            "uniform.csv",
            "typiclust.csv")) {
      Path original = resource("/io/latentquery/sampling/job/" + name);
      SelectionTable table = SelectionCsv.read(original);
      Path copy = dir.resolve(name);
      SelectionCsv.write(copy, table);
      assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(copy), name);
      assertEquals(
          Files.readAllLines(original).get(0), String.join(",", SelectionCsv.header(table)), name);
    }
  }

  @Test
  void anUnlabeledUnclusteredSelectionHasNeitherColumn() throws IOException {
    SelectionTable table =
        new SelectionTable(
            2,
            false,
            List.of(new SelectionTable.Row(1, 4, "a", "", new double[] {0.5, -1.0}, -1, 0.25)));
    Path file = dir.resolve(SelectionCsv.FILE_NAME);
    SelectionCsv.write(file, table);
    assertEquals(
        "rank,index,id,z1,z2,draw_distance\n1,4,a,0.5,-1.0,0.25\n", Files.readString(file));
    assertEquals(table, SelectionCsv.read(file));
  }
}
