package io.latentquery.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.inference.Encodings;
import io.latentquery.sampling.Points;
import io.latentquery.sampling.cluster.CentreRepresentatives;
import io.latentquery.sampling.job.EncodedPool;
import io.latentquery.sampling.job.PoolSettings;
import io.latentquery.sampling.job.ProgressDisplay;
import io.latentquery.sampling.job.SelectionJob;
import io.latentquery.sampling.job.SelectionResult;
import io.latentquery.sampling.job.SelectionSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kmeans on Spark in local[2]: the centres' representatives and the whole selection. */
class SparkKMeansTest {
  @AfterAll
  static void stopSpark() {
    SparkPools.stop();
  }

  @TempDir static Path pool;
  private static Encodings encodings;

  @BeforeAll
  static void writePool() {
    encodings = SparkPools.write(pool, 900, 2, 31, null);
  }

  private static SparkPool open() {
    return new SparkPool(SparkPools.spark(), pool.resolve("pool.parquet").toString());
  }

  /**
   * Centres crowded around two spots, so that many of them want the same points: the rounds on
   * Spark, with few candidates per centre and round, must pick what the sequential rule picks.
   */
  @Test
  void representativesAreTheSequentialRulesWhateverTheCandidatesPerRound() {
    Points points = Points.of(encodings);
    SplittableRandom rng = new SplittableRandom(4);
    int k = 60;
    double[] coords = new double[2 * k];
    for (int c = 0; c < k; c++) {
      double spot = c % 3 == 0 ? 4.0 : 0.0;
      coords[2 * c] = spot + 0.05 * rng.nextGaussian();
      coords[2 * c + 1] = -spot + 0.05 * rng.nextGaussian();
    }
    Points centres = new Points(coords, k, 2);
    int[] assignments = new int[points.count()];
    int[] sizes = new int[k];
    for (int i = 0; i < points.count(); i++) {
      int best = 0;
      for (int c = 1; c < k; c++) {
        if (points.squaredDistance(i, centres.point(c))
            < points.squaredDistance(i, centres.point(best))) {
          best = c;
        }
      }
      assignments[i] = best;
      sizes[best]++;
    }
    int budget = 50;
    CentreRepresentatives.Picks expected =
        CentreRepresentatives.pick(
            points,
            new CentreRepresentatives.Partition(assignments, centres),
            new boolean[points.count()],
            budget);
    for (int candidates : new int[] {1, 3, 16}) {
      // A pool's cached blocks keep the points a selection took out of their trees: open it anew.
      try (SparkPool spark = open()) {
        CentreRepresentatives.Picks actual =
            SparkCentres.representatives(
                spark.blocks(),
                new SparkCentres.Served(
                    centres, CentreRepresentatives.servingOrder(sizes), new int[0], budget),
                candidates);
        assertArrayEquals(expected.indices(), actual.indices(), "candidates " + candidates);
        assertArrayEquals(expected.clusters(), actual.clusters());
        assertArrayEquals(expected.distances(), actual.distances(), 1e-12);
      }
    }
    // Label three of those picks: their clusters are covered and the points near the other
    // centres change, since the labeled ones are never taken.
    int[] labeled = {expected.indices()[5], expected.indices()[17], expected.indices()[33]};
    Arrays.sort(labeled);
    boolean[] mask = new boolean[points.count()];
    boolean[] covered = new boolean[k];
    for (int i : labeled) {
      mask[i] = true;
      covered[assignments[i]] = true;
    }
    CentreRepresentatives.Picks expectedLabeled =
        CentreRepresentatives.pick(
            points, new CentreRepresentatives.Partition(assignments, centres), mask, budget);
    assertEquals(3, expectedLabeled.coveredClusters());
    try (SparkPool spark = open()) {
      CentreRepresentatives.Picks actual =
          SparkCentres.representatives(
              spark.blocks(),
              new SparkCentres.Served(
                  centres,
                  CentreRepresentatives.uncoveredOrder(sizes, covered, budget),
                  labeled,
                  budget),
              3);
      assertArrayEquals(expectedLabeled.indices(), actual.indices());
      assertArrayEquals(expectedLabeled.clusters(), actual.clusters());
      for (int i : actual.indices()) {
        assertTrue(Arrays.binarySearch(labeled, i) < 0);
      }
    }
  }

  @Test
  void withLabeledPointsTheirClustersAreCoveredAndTheyAreNotTaken(@TempDir Path dir)
      throws java.io.IOException {
    StringBuilder ids = new StringBuilder();
    int[] labeled = {3, 150, 420, 777};
    for (int i : labeled) {
      ids.append(encodings.id(i)).append('\n');
    }
    Path file = dir.resolve("labeled.txt");
    java.nio.file.Files.writeString(file, ids);
    SelectionSettings settings =
        SelectionSettings.builder().strategy("kmeans").n(20).seed(5).labeled(file).build();
    SelectionResult result =
        new SparkSelectionJob(SparkPools.spark())
            .run(new SparkSelectionSettings(pool.resolve("pool.parquet").toString(), settings));
    Map<String, Object> p = result.record().parameters();
    assertEquals(24, p.get("clusters"));
    assertEquals(4, p.get("labeled"));
    int covered = (Integer) p.get("covered_clusters");
    assertTrue(covered >= 1 && covered <= 4, p.toString());
    int[] chosen = result.selection().indices();
    assertEquals(20, Arrays.stream(chosen).distinct().count());
    assertEquals(20, Arrays.stream(result.selection().clusters()).distinct().count());
    for (int i : chosen) {
      assertTrue(Arrays.binarySearch(labeled, i) < 0, "labeled " + i + " selected");
    }
    assertEquals(4, result.record().counts().get("already_labeled"));
  }

  @Test
  void theSelectionIsOnePointPerCentreAndRepeatsWithTheSeed() {
    SelectionSettings settings =
        SelectionSettings.builder().strategy("kmeans").n(30).seed(8).build();
    SparkSelectionSettings spark =
        new SparkSelectionSettings(pool.resolve("pool.parquet").toString(), settings);
    SelectionResult first = new SparkSelectionJob(SparkPools.spark()).run(spark);
    SelectionResult second = new SparkSelectionJob(SparkPools.spark()).run(spark);
    assertArrayEquals(first.selection().indices(), second.selection().indices());
    assertEquals(30, Arrays.stream(first.selection().indices()).distinct().count());
    assertEquals(
        30, new TreeSet<>(Arrays.stream(first.selection().clusters()).boxed().toList()).size());
    Map<String, Object> p = first.record().parameters();
    assertEquals("spark-mllib", p.get("kmeans_algorithm"));
    assertTrue((Integer) p.get("kmeans_iterations") <= 100, p.toString());
    SelectionResult local =
        SelectionJob.standard()
            .run(
                settings,
                EncodedPool.build(
                    PoolSettings.builder().latent(pool.resolve("pool.csv")).build(),
                    null,
                    ProgressDisplay.silent()));
    Map<String, Integer> a = new TreeMap<>(local.record().classHistogram());
    Map<String, Integer> b = new TreeMap<>(first.record().classHistogram());
    System.out.println("kmeans class histograms: lq sample " + a + ", Spark " + b);
    // Total variation: half the summed differences of the class shares. The two k-means differ
    // (MLlib's k-means|| start against lq sample's three k-means++ starts), so their centres and
    // thus their representatives differ; on three blobs both spread 30 centres by blob mass,
    // which keeps the histograms within 0.15 (4 or 5 of 30 picks).
    TreeSet<String> classes = new TreeSet<>(a.keySet());
    classes.addAll(b.keySet());
    double tv = 0;
    for (String c : classes) {
      tv += Math.abs(a.getOrDefault(c, 0) - b.getOrDefault(c, 0)) / (2 * 30.0);
    }
    assertTrue(tv <= 0.15, "total variation " + tv);
  }
}
