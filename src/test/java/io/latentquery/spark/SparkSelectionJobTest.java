package io.latentquery.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.InputException;
import io.latentquery.contract.SelectionCsv;
import io.latentquery.contract.SelectionTable;
import io.latentquery.files.Json;
import io.latentquery.sampling.job.EncodedPool;
import io.latentquery.sampling.job.PoolSettings;
import io.latentquery.sampling.job.ProgressDisplay;
import io.latentquery.sampling.job.SelectionJob;
import io.latentquery.sampling.job.SelectionResult;
import io.latentquery.sampling.job.SelectionSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lq spark select in local[2] against lq sample's own job on the same pool: the same seed gives the
 * same selection.csv, byte for byte.
 */
class SparkSelectionJobTest {
  @org.junit.jupiter.api.AfterAll
  static void stopSpark() {
    SparkPools.stop();
  }

  @TempDir static Path pool;
  @TempDir Path dir;

  @BeforeAll
  static void writePool() {
    SparkPools.write(pool, 600, 2, 11, null);
  }

  private SelectionSettings settings(String strategy, long seed, Map<String, String> options) {
    return SelectionSettings.builder().strategy(strategy).n(40).seed(seed).options(options).build();
  }

  /** Writes both selections and returns their CSV files: single machine, then Spark. */
  private String[] both(SelectionSettings settings) throws IOException {
    EncodedPool local =
        EncodedPool.build(
            PoolSettings.builder().latent(pool.resolve("pool.csv")).build(),
            null,
            ProgressDisplay.silent());
    SelectionResult expected = SelectionJob.standard().run(settings, local);
    SelectionResult actual =
        new SparkSelectionJob(SparkPools.spark())
            .run(new SparkSelectionSettings(pool.resolve("pool.parquet").toString(), settings));
    Path localCsv = dir.resolve("local.csv");
    Path sparkCsv = dir.resolve("spark.csv");
    expected.write(localCsv, dir.resolve("local.json"));
    actual.write(sparkCsv, dir.resolve("spark.json"));
    assertEquals(expected.record().classHistogram(), actual.record().classHistogram());
    assertEquals(expected.record().counts(), actual.record().counts());
    Map<String, Object> p = new TreeMap<>(expected.record().parameters());
    Map<String, Object> q = new TreeMap<>(actual.record().parameters());
    q.remove("spark_rounds");
    if ("normal".equals(settings.strategy())) {
      // The mean and covariance are sums over the partitions in another order: equal to rounding.
      assertClose(p.remove("distribution"), q.remove("distribution"));
    }
    assertEquals(Json.mapper().writeValueAsString(p), Json.mapper().writeValueAsString(q));
    if ("normal".equals(settings.strategy())) {
      // The draws move by the fit's rounding, so their distances agree to rounding only.
      List<SelectionTable.Row> a = SelectionCsv.read(localCsv).rows();
      List<SelectionTable.Row> b = SelectionCsv.read(sparkCsv).rows();
      assertEquals(a.size(), b.size());
      for (int k = 0; k < a.size(); k++) {
        assertEquals(a.get(k).id(), b.get(k).id());
        assertEquals(a.get(k).index(), b.get(k).index());
        assertArrayEquals(a.get(k).z(), b.get(k).z(), 0);
        assertEquals(a.get(k).drawDistance(), b.get(k).drawDistance(), 1e-12);
      }
      return new String[] {"", ""};
    }
    return new String[] {Files.readString(localCsv), Files.readString(sparkCsv)};
  }

  @SuppressWarnings("unchecked")
  private static void assertClose(Object expected, Object actual) {
    Map<String, Object> a = (Map<String, Object>) expected;
    Map<String, Object> b = (Map<String, Object>) actual;
    assertArrayEquals((double[]) a.get("mean"), (double[]) b.get("mean"), 1e-12);
    double[][] ca = (double[][]) a.get("covariance");
    double[][] cb = (double[][]) b.get("covariance");
    for (int i = 0; i < ca.length; i++) {
      assertArrayEquals(ca[i], cb[i], 1e-12);
    }
  }

  @Test
  void randomMatchesLqSampleWithTheSameSeed() throws IOException {
    for (long seed : new long[] {0, 5}) {
      String[] csv = both(settings("random", seed, Map.of()));
      assertEquals(csv[0], csv[1]);
    }
  }

  @Test
  void uniformAndNormalMatchLqSampleInEveryTakeMode() throws IOException {
    for (String strategy : new String[] {"uniform", "normal"}) {
      for (Map<String, String> options :
          new Map[] {
            Map.of(),
            Map.of("take", "all-within"),
            Map.of("threshold", "0.3", "metric", "manhattan"),
            Map.of("take", "all-within", "threshold", "0.8", "metric", "chebyshev")
          }) {
        String[] csv = both(settings(strategy, 3, options));
        assertEquals(csv[0], csv[1], strategy + " " + options);
      }
    }
  }

  /** 40 ids of the pool (every 15th) and 3 it does not hold, as an id list. */
  private Path labeledIds() throws IOException {
    StringBuilder file = new StringBuilder("id\n");
    for (int i = 0; i < 600; i += 15) {
      file.append("img-").append(i).append(".png\n");
    }
    file.append("elsewhere-1.png\nelsewhere-2.png\nelsewhere-3.png\n");
    Path ids = dir.resolve("labeled.csv");
    Files.writeString(ids, file);
    return ids;
  }

  @Test
  void withLabeledExamplesTheSelectionIsLqSamplesAndNoneIsSelectedAgain() throws IOException {
    Path labeled = labeledIds();
    for (String strategy : new String[] {"random", "uniform", "normal", "uniform-cluster"}) {
      for (long seed : new long[] {2, 9}) {
        SelectionSettings settings =
            SelectionSettings.builder()
                .strategy(strategy)
                .n(40)
                .seed(seed)
                .options(Map.of())
                .labeled(labeled)
                .build();
        String[] csv = both(settings);
        assertEquals(csv[0], csv[1], strategy + " seed " + seed);
        List<SelectionTable.Row> rows = SelectionCsv.read(dir.resolve("spark.csv")).rows();
        assertEquals(40, rows.size());
        for (SelectionTable.Row row : rows) {
          int i = Integer.parseInt(row.id().replaceAll("[^0-9]", ""));
          assertTrue(i % 15 != 0, strategy + " selected labeled " + row.id());
        }
        Map<String, Object> record =
            Json.mapper().readValue(dir.resolve("spark.json").toFile(), Map.class);
        assertEquals(
            Map.of("pool", 600, "already_labeled", 40, "labeled_not_in_pool", 3),
            record.get("counts"));
      }
    }
  }

  @Test
  void aLabelsFileNamingAnIdOutsideThePoolFailsAsInLqSample() throws IOException {
    Path labels = dir.resolve("labels.csv");
    Files.writeString(labels, "id,label\nimg-3.png,class0\nelsewhere.png,class1\n");
    SelectionSettings settings =
        SelectionSettings.builder()
            .strategy("random")
            .n(5)
            .seed(1)
            .options(Map.of())
            .labeled(labels)
            .build();
    InputException e = assertThrows(InputException.class, () -> both(settings));
    assertTrue(e.getMessage().endsWith("id 'elsewhere.png' is not in the pool"), e.getMessage());
    InputException spark =
        assertThrows(
            InputException.class,
            () ->
                new SparkSelectionJob(SparkPools.spark())
                    .run(
                        new SparkSelectionSettings(
                            pool.resolve("pool.parquet").toString(), settings)));
    assertEquals(e.getMessage(), spark.getMessage());
    Files.writeString(labels, "id,label\nimg-3.png,class0\nimg-4.png,class1\n");
    String[] csv = both(settings);
    assertEquals(csv[0], csv[1]);
    assertTrue(!csv[1].contains(",img-3.png,") && !csv[1].contains(",img-4.png,"));
  }

  @Test
  void theRecordNamesTheParquetFootprintAndSpark() throws IOException {
    SelectionResult result =
        new SparkSelectionJob(SparkPools.spark())
            .run(
                new SparkSelectionSettings(
                    pool.resolve("pool.parquet").toString(), settings("random", 1, Map.of())));
    Object footprint = result.record().inputs().get("encodings_footprint");
    assertTrue(
        footprint instanceof String s && s.matches("[0-9a-f]{64}"), String.valueOf(footprint));
    assertEquals(footprint, result.record().provenance().dataChecksum());
    assertEquals("local[2]", result.record().inputs().get("spark_master"));
    assertEquals(600, result.record().counts().get("pool"));
    SelectionTable rows = result.rows();
    assertEquals(40, rows.size());
    Path csv = dir.resolve("selection.csv");
    result.write(csv, dir.resolve("selection.json"));
    assertEquals(rows.rows(), SelectionCsv.read(csv).rows());
  }

  @Test
  void strategiesThatDoNotRunOnSparkAndUnusedOptionsAreRefused() {
    IllegalArgumentException cluster =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SparkSelectionSettings("x.parquet", settings("kcenter", 1, Map.of())));
    assertTrue(cluster.getMessage().startsWith("strategy kcenter does not run on Spark"));
    IllegalArgumentException unused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new SparkSelectionSettings(
                    "x.parquet", settings("random", 1, Map.of("threshold", "1"))));
    assertEquals("--threshold does not apply to strategy random", unused.getMessage());
  }

  @Test
  void aTableWithoutAnIndexColumnIsRefusedByName() {
    Path bad = dir.resolve("bad.parquet");
    SparkPools.spark()
        .sql("select 'a' as id, array(1.0d, 2.0d) as z")
        .write()
        .parquet(bad.toString());
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                new SparkSelectionJob(SparkPools.spark())
                    .run(
                        new SparkSelectionSettings(
                            bad.toString(), settings("random", 1, Map.of()))));
    assertTrue(e.getMessage().contains("has no column index of type bigint"), e.getMessage());
    Path missing = dir.resolve("missing.parquet");
    InputException absent =
        assertThrows(
            InputException.class,
            () ->
                new SparkSelectionJob(SparkPools.spark())
                    .run(
                        new SparkSelectionSettings(
                            missing.toString(), settings("random", 1, Map.of()))));
    assertTrue(
        absent.getMessage().startsWith("cannot read Parquet encodings " + missing),
        absent.getMessage());
  }
}
