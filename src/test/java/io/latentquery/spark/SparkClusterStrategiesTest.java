package io.latentquery.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.contract.SelectionCsv;
import io.latentquery.contract.SelectionTable;
import io.latentquery.files.Json;
import io.latentquery.inference.Encodings;
import io.latentquery.sampling.Points;
import io.latentquery.sampling.cluster.AdjustedRandIndex;
import io.latentquery.sampling.cluster.WardLinkage;
import io.latentquery.sampling.job.EncodedPool;
import io.latentquery.sampling.job.PoolSettings;
import io.latentquery.sampling.job.ProgressDisplay;
import io.latentquery.sampling.job.SelectionJob;
import io.latentquery.sampling.job.SelectionResult;
import io.latentquery.sampling.job.SelectionSettings;
import io.latentquery.sampling.strategy.ClusterSettings;
import io.latentquery.sampling.strategy.StrategyOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * uniform-cluster and normal-cluster on Spark in local[2]. With exact Ward both paths cluster
 * alike, so the selection must be lq sample's; with MLlib k-means before Ward the clusters differ
 * by design, so they are compared with exact Ward on every point by the adjusted Rand index, and
 * the selections by their class histograms.
 */
class SparkClusterStrategiesTest {
  @AfterAll
  static void stopSpark() {
    SparkPools.stop();
  }

  @TempDir static Path small;
  @TempDir static Path mixture;
  @TempDir static Path sixBlobs;
  @TempDir Path dir;

  private static Encodings mixtureEncodings;
  private static Encodings sixBlobEncodings;

  @BeforeAll
  static void writePools() {
    SparkPools.write(small, 600, 2, 11, null);
    mixtureEncodings = SparkPools.write(mixture, 3000, 2, 23, null);
    sixBlobEncodings = SparkPools.write(sixBlobs, new SparkPools.Mixture(3000, 2, 6, 29), null);
  }

  private static SelectionSettings settings(
      String strategy, int n, long seed, Map<String, String> options) {
    return SelectionSettings.builder().strategy(strategy).n(n).seed(seed).options(options).build();
  }

  private static SelectionResult local(Path pool, SelectionSettings settings) {
    EncodedPool encoded =
        EncodedPool.build(
            PoolSettings.builder().latent(pool.resolve("pool.csv")).build(),
            null,
            ProgressDisplay.silent());
    return SelectionJob.standard().run(settings, encoded);
  }

  private static SelectionResult spark(Path pool, SelectionSettings settings) {
    return new SparkSelectionJob(SparkPools.spark())
        .run(new SparkSelectionSettings(pool.resolve("pool.parquet").toString(), settings));
  }

  @Test
  void withExactWardTheSelectionIsLqSamples() throws IOException {
    for (String strategy : List.of("uniform-cluster", "normal-cluster")) {
      for (Map<String, String> options :
          List.of(
              Map.of("clusters", "4", "ward", "exact"),
              Map.of("clusters", "3", "quota", "equal", "take", "all-within"))) {
        SelectionSettings settings = settings(strategy, 40, 7, options);
        SelectionResult expected = local(small, settings);
        SelectionResult actual = spark(small, settings);
        String what = strategy + " " + options;
        Map<String, Object> p = new TreeMap<>(expected.record().parameters());
        Map<String, Object> q = new TreeMap<>(actual.record().parameters());
        assertTrue((Integer) q.remove("spark_rounds") > 0, what);
        assertEquals("exact", q.get("ward"), what);
        Object localFits = p.remove("distributions");
        Object sparkFits = q.remove("distributions");
        assertEquals(
            Json.mapper().writeValueAsString(p), Json.mapper().writeValueAsString(q), what);
        assertFitsClose(localFits, sparkFits);
        Path a = dir.resolve("local.csv");
        Path b = dir.resolve("spark.csv");
        expected.write(a, dir.resolve("local.json"));
        actual.write(b, dir.resolve("spark.json"));
        List<SelectionTable.Row> x = SelectionCsv.read(a).rows();
        List<SelectionTable.Row> y = SelectionCsv.read(b).rows();
        assertEquals(x.size(), y.size(), what);
        for (int k = 0; k < x.size(); k++) {
          assertEquals(x.get(k).index(), y.get(k).index(), what + " rank " + k);
          assertEquals(x.get(k).cluster(), y.get(k).cluster(), what + " rank " + k);
          // The per-cluster fits are sums in another order, so the draws agree to rounding.
          assertEquals(x.get(k).drawDistance(), y.get(k).drawDistance(), 1e-12, what);
        }
        assertEquals(expected.record().classHistogram(), actual.record().classHistogram(), what);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void assertFitsClose(Object expected, Object actual) {
    List<Map<String, Object>> a = (List<Map<String, Object>>) expected;
    List<Map<String, Object>> b = (List<Map<String, Object>>) actual;
    assertEquals(a.size(), b.size());
    for (int c = 0; c < a.size(); c++) {
      assertEquals(a.get(c).keySet(), b.get(c).keySet());
      for (String key : a.get(c).keySet()) {
        Object x = a.get(c).get(key);
        Object y = b.get(c).get(key);
        if (x instanceof double[] u) {
          assertArrayEquals(u, (double[]) y, 1e-12, key);
        } else if (x instanceof double[][] u) {
          for (int i = 0; i < u.length; i++) {
            assertArrayEquals(u[i], ((double[][]) y)[i], 1e-12, key);
          }
        } else {
          assertEquals(x, y, key);
        }
      }
    }
  }

  /** The cluster of every point as Spark cut the mixture pool. */
  private static int[] sparkClusters(Path dir, ClusterSettings settings, long seed) {
    try (SparkPool pool =
        new SparkPool(SparkPools.spark(), dir.resolve("pool.parquet").toString())) {
      SparkWard.Result result = SparkWard.cluster(pool, settings, seed);
      int[] labels = new int[pool.count()];
      Arrays.fill(labels, -1);
      for (PointBlock block : result.blocks().collect()) {
        for (int i : block.indices()) {
          labels[i] = block.cluster();
        }
      }
      result.release();
      assertTrue(Arrays.stream(labels).allMatch(l -> l >= 0), "every point has a cluster");
      return labels;
    }
  }

  /**
   * Mixtures of three and six unit Gaussians, cut into as many clusters as components: the Spark
   * clusters (200 k-means centres for 3,000 points) against exact Ward on every point. A cut inside
   * one Gaussian is no structure either path can be expected to share, so k is the mixture's.
   */
  @Test
  void kMeansThenWardAgreesWithExactWardOnEveryPoint() {
    record Case(Path dir, Encodings encodings, int k) {}
    for (Case c :
        List.of(new Case(mixture, mixtureEncodings, 3), new Case(sixBlobs, sixBlobEncodings, 6))) {
      int[] exact = WardLinkage.fit(Points.of(c.encodings())).cut(c.k());
      ClusterSettings settings =
          ClusterSettings.fromOptions(
              StrategyOptions.of(
                  Map.of("clusters", "" + c.k(), "ward", "approx", "ward-centroids", "200")));
      for (long seed : new long[] {5, 6}) {
        double ari = AdjustedRandIndex.of(exact, sparkClusters(c.dir(), settings, seed));
        System.out.println("ARI at k = " + c.k() + ", seed " + seed + ": " + ari);
        assertTrue(ari >= 0.95, "adjusted Rand index " + ari + " at k = " + c.k());
      }
    }
  }

  /**
   * The class histogram of the Spark selection against lq sample's (exact Ward) within a total
   * variation of 0.1: the clusters agree to an adjusted Rand index of 0.95 or more and quotas
   * follow the cluster sizes, so the quotas differ by a few points at most; 0.1 of 90 picks is 9,
   * room for those and for draws that land on the few points the two clusterings place differently.
   */
  @Test
  void theApproximateSelectionKeepsItsQuotasAndTheExactClassHistogram() throws IOException {
    Map<String, String> approx = Map.of("clusters", "3", "ward", "approx", "ward-centroids", "200");
    for (String strategy : List.of("uniform-cluster", "normal-cluster")) {
      SelectionResult expected = local(mixture, settings(strategy, 90, 3, Map.of("clusters", "3")));
      SelectionResult actual = spark(mixture, settings(strategy, 90, 3, approx));
      Map<String, Object> q = actual.record().parameters();
      assertEquals("approx-spark", q.get("ward"));
      assertEquals(200, q.get("kmeans_centres"));
      int[] quotas = (int[]) q.get("cluster_quotas");
      int[] sizes = (int[]) q.get("cluster_sizes");
      assertEquals(90, Arrays.stream(quotas).sum());
      assertEquals(3000, Arrays.stream(sizes).sum());
      int[] perCluster = new int[quotas.length];
      Set<Integer> seen = new HashSet<>();
      for (int rank = 0; rank < actual.selection().size(); rank++) {
        perCluster[actual.selection().clusters()[rank]]++;
        assertTrue(seen.add(actual.selection().indices()[rank]), "selected twice");
      }
      assertArrayEquals(quotas, perCluster);
      double tv =
          totalVariation(expected.record().classHistogram(), actual.record().classHistogram());
      System.out.println(strategy + " class histogram total variation: " + tv);
      assertTrue(tv <= 0.1, strategy + ": total variation " + tv);
      SelectionResult again = spark(mixture, settings(strategy, 90, 3, approx));
      assertArrayEquals(actual.selection().indices(), again.selection().indices());
      Path a = dir.resolve("a.csv");
      Path b = dir.resolve("b.csv");
      actual.write(a, dir.resolve("a.json"));
      again.write(b, dir.resolve("b.json"));
      assertEquals(Files.readString(a), Files.readString(b));
    }
  }

  private static double totalVariation(Map<String, Integer> p, Map<String, Integer> q) {
    Set<String> classes = new TreeSet<>(p.keySet());
    classes.addAll(q.keySet());
    double np = p.values().stream().mapToInt(Integer::intValue).sum();
    double nq = q.values().stream().mapToInt(Integer::intValue).sum();
    double sum = 0;
    for (String c : classes) {
      sum += Math.abs(p.getOrDefault(c, 0) / np - q.getOrDefault(c, 0) / nq);
    }
    return sum / 2;
  }

  @Test
  void badClusterOptionsAreRefusedWithOneLine() {
    IllegalArgumentException few =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new SparkSelectionSettings(
                    "x.parquet",
                    settings(
                        "normal-cluster", 5, 1, Map.of("clusters", "10", "ward-centroids", "5"))));
    assertEquals("--ward-centroids must be >= --clusters (10), got 5", few.getMessage());
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new SparkSelectionSettings(
                    "x.parquet", settings("uniform-cluster", 5, 1, Map.of("error", "l1"))));
    assertEquals("--error does not apply to strategy uniform-cluster", unknown.getMessage());
    IllegalArgumentException mode =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new SparkSelectionSettings(
                    "x.parquet", settings("normal-cluster", 5, 1, Map.of("ward", "fast"))));
    assertEquals("ward mode must be exact, approx or auto, got 'fast'", mode.getMessage());
  }
}
