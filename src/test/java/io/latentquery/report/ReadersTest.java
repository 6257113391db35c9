package io.latentquery.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.InputException;
import io.latentquery.contract.Metrics;
import io.latentquery.contract.MetricsCsv;
import io.latentquery.contract.SelectionCsv;
import io.latentquery.contract.SelectionTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadersTest {
  @TempDir Path dir;

  @Test
  void metricsRoundTrip() throws Exception {
    Metrics metrics =
        new Metrics(
            List.of("reconstruction", "kl"),
            List.of(
                new Metrics.Epoch(1, 0.25, new double[] {0.2, 0.05}, 0.3, 12.5, 4000.0),
                new Metrics.Epoch(2, 0.125, new double[] {0.1, 0.025}, Double.NaN, 11.0, 4545.5)));
    Path file = dir.resolve("metrics.csv");
    MetricsCsv.write(file, metrics);
    assertEquals(
        "epoch,train_loss,reconstruction,kl,validation_loss,seconds,images_per_second\n"
            + "1,0.250000,0.200000,0.050000,0.300000,12.50,4000.0\n"
            + "2,0.125000,0.100000,0.025000,,11.00,4545.5\n",
        Files.readString(file));
    assertEquals(metrics, MetricsCsv.read(file));
  }

  @Test
  void metricsWithoutTermsAndWithNaNText() throws Exception {
    Path file = dir.resolve("metrics.csv");
    Files.writeString(
        file, "epoch,train_loss,validation_loss,seconds,images_per_second\n1,0.5,NaN,3,100\n");
    Metrics metrics = MetricsCsv.read(file);
    assertEquals(List.of(), metrics.lossTerms());
    assertTrue(Double.isNaN(metrics.epochs().get(0).validationLoss()));
  }

  @Test
  void malformedMetricsNameFileAndLine() throws Exception {
    Path file = dir.resolve("metrics.csv");
    Files.writeString(
        file,
        "epoch,train_loss,validation_loss,seconds,images_per_second\n1,0.5,0.6,3,100\n2,abc,0.6,3,100\n");
    InputException e = assertThrows(InputException.class, () -> MetricsCsv.read(file));
    assertEquals(file + " line 3: train_loss is 'abc', not a number", e.getMessage());

    Files.writeString(
        file, "epoch,train_loss,validation_loss,seconds,images_per_second\n1,0.5,0.6,3\n");
    e = assertThrows(InputException.class, () -> MetricsCsv.read(file));
    assertTrue(e.getMessage().startsWith(file + " line 2: 4 values, expected 5"), e.getMessage());

    Files.writeString(file, "epoch,loss\n1,0.5\n");
    e = assertThrows(InputException.class, () -> MetricsCsv.read(file));
    assertTrue(
        e.getMessage().startsWith(file + " line 1: header must be epoch,train_loss,"),
        e.getMessage());

    Path missing = dir.resolve("nothing.csv");
    e = assertThrows(InputException.class, () -> MetricsCsv.read(missing));
    assertEquals("missing file: " + missing, e.getMessage());
  }

  @Test
  void selectionRoundTripKeepsAwkwardIds() throws Exception {
    SelectionTable table =
        new SelectionTable(
            2,
            List.of(
                new SelectionTable.Row(
                    1, 42, "train/cat, \"fluffy\".png", "cat", new double[] {0.5, -1.25}, 3, 0.01),
                new SelectionTable.Row(
                    2,
                    7,
                    "<script>alert(1)</script>",
                    "",
                    new double[] {1e-8, 2.0},
                    -1,
                    Double.NaN)));
    Path file = dir.resolve("selection.csv");
    SelectionCsv.write(file, table);
    assertTrue(
        Files.readString(file).startsWith("rank,index,id,label,z1,z2,cluster,draw_distance\n"));
    SelectionTable read = SelectionCsv.read(file);
    assertEquals(table, read);
    assertEquals(List.of(42, 7), java.util.Arrays.stream(read.indices()).boxed().toList());
  }

  @Test
  void malformedSelectionNamesFileAndLine() throws Exception {
    Path file = dir.resolve("selection.csv");
    String header = "rank,index,id,label,z1,z2,cluster,draw_distance\n";
    Files.writeString(file, header + "1,4,a,,0.1,0.2,-1,\n2,x,b,,0.1,0.2,-1,\n");
    InputException e = assertThrows(InputException.class, () -> SelectionCsv.read(file));
    assertEquals(file + " line 3: index is 'x', not an integer", e.getMessage());

    Files.writeString(file, header + "1,4,a,,0.1,inf,-1,\n");
    e = assertThrows(InputException.class, () -> SelectionCsv.read(file));
    assertEquals(file + " line 2: z2 is 'inf', not a number", e.getMessage());

    Files.writeString(file, "rank,index,id,label,cluster,draw_distance\n");
    e = assertThrows(InputException.class, () -> SelectionCsv.read(file));
    assertTrue(
        e.getMessage().startsWith(file + " line 1: no latent columns z1..zL"), e.getMessage());

    Files.writeString(file, "rank,index,z1,cluster,draw_distance\n");
    e = assertThrows(InputException.class, () -> SelectionCsv.read(file));
    assertTrue(e.getMessage().startsWith(file + " line 1: missing column 'id'"), e.getMessage());

    Files.writeString(file, header + "1,4,\"unclosed,,0.1,0.2,-1,\n");
    e = assertThrows(InputException.class, () -> SelectionCsv.read(file));
    assertTrue(e.getMessage().startsWith(file + " line "), e.getMessage());
  }

  @Test
  void labelAndClusterColumnsAreOptionalAsLqSampleLeavesThemOut() throws Exception {
    Path file = dir.resolve("selection.csv");
    Files.writeString(
        file, "rank,index,id,z1,z2,draw_distance\n1,4,a,0.5,1.5,0.25\n2,9,b,-1.0,2.0,\n");
    SelectionTable table = SelectionCsv.read(file);
    assertEquals(
        List.of(
            new SelectionTable.Row(1, 4, "a", "", new double[] {0.5, 1.5}, -1, 0.25),
            new SelectionTable.Row(2, 9, "b", "", new double[] {-1.0, 2.0}, -1, Double.NaN)),
        table.rows());
  }

  @Test
  void selectionSummaryFromJson() throws Exception {
    Path file = dir.resolve("selection.json");
    Files.writeString(
        file,
        """
        {"strategy": "normal-cluster", "seed": 7,
         "parameters": {"clusters": 10, "threshold": 0.25},
         "counts": {"pool": 50000, "selected": 3, "note": "x"},
         "classHistogram": {"3": 2, "7": 1}}
        """);
    SelectionSummary summary = SelectionSummary.read(file);
    assertEquals("normal-cluster", summary.strategy());
    assertEquals(7L, summary.seed());
    assertEquals(Map.of("clusters", 10, "threshold", 0.25), summary.parameters());
    assertEquals(Map.of("pool", 50000L, "selected", 3L), summary.counts());
    assertEquals(List.of("3", "7"), List.copyOf(summary.classHistogram().keySet()));

    Files.writeString(file, "{\"strategy\": \"random\"}");
    SelectionSummary minimal = SelectionSummary.read(file);
    assertNull(minimal.seed());
    assertTrue(minimal.classHistogram().isEmpty());

    Files.writeString(file, "{\"seed\": 1}");
    InputException e = assertThrows(InputException.class, () -> SelectionSummary.read(file));
    assertEquals(file + ": missing text field 'strategy'", e.getMessage());

    Files.writeString(file, "{\"strategy\": \"random\", \"class_histogram\": {\"a\": 1.5}}");
    e = assertThrows(InputException.class, () -> SelectionSummary.read(file));
    assertEquals(file + ": 'class_histogram.a' must be a whole number, got 1.5", e.getMessage());

    Files.writeString(file, "{not json");
    e = assertThrows(InputException.class, () -> SelectionSummary.read(file));
    assertTrue(e.getMessage().startsWith("cannot read " + file), e.getMessage());
  }
}
