package io.latentquery.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.InputException;
import io.latentquery.contract.SelectionTable;
import io.latentquery.inference.Encodings;
import io.latentquery.sampling.Points;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.baseline.KMeansRuns;
import io.latentquery.sampling.baseline.TypiClustSettings;
import io.latentquery.sampling.cluster.AdjustedRandIndex;
import io.latentquery.sampling.job.EncodedPool;
import io.latentquery.sampling.job.PoolSettings;
import io.latentquery.sampling.job.ProgressDisplay;
import io.latentquery.sampling.job.SelectionJob;
import io.latentquery.sampling.job.SelectionResult;
import io.latentquery.sampling.job.SelectionSettings;
import io.latentquery.sampling.neighbors.KdTree;
import io.latentquery.sampling.strategy.StrategyOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * typiclust on Spark in local[2] against lq sample on a pool of five tight blobs far apart, where
 * MLlib's k-means and lq sample's find the same five clusters (checked first): the selections must
 * then be the same rows in the same order, the clusters named alike up to a renaming.
 */
class SparkTypiClustTest {
  @AfterAll
  static void stopSpark() {
    SparkPools.stop();
  }

  @TempDir static Path pool;

  private static final int[] BLOB_SIZES = {40, 85, 55, 100, 70};
  private static Encodings encodings;

  /** Five blobs of sd 0.5 on a circle of radius 20, the points of each spread over the pool. */
  @BeforeAll
  static void writePool() {
    int count = Arrays.stream(BLOB_SIZES).sum();
    List<Integer> blobOf = new ArrayList<>();
    for (int b = 0; b < BLOB_SIZES.length; b++) {
      for (int j = 0; j < BLOB_SIZES[b]; j++) {
        blobOf.add(b);
      }
    }
    SplittableRandom rng = new SplittableRandom(41);
    for (int i = count - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      blobOf.set(i, blobOf.set(j, blobOf.get(i)));
    }
    double[] values = new double[2 * count];
    List<String> ids = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int b = blobOf.get(i);
      double angle = 2 * Math.PI * b / BLOB_SIZES.length;
      values[2 * i] = 20 * Math.cos(angle) + 0.5 * rng.nextGaussian();
      values[2 * i + 1] = 20 * Math.sin(angle) + 0.5 * rng.nextGaussian();
      ids.add("img-" + i + ".png");
      labels.add("blob" + b);
    }
    encodings = new Encodings(values, count, 2, ids, labels);
    SparkPools.write(pool, encodings, null);
  }

  private static SelectionSettings settings(int n, long seed) {
    return SelectionSettings.builder()
        .strategy("typiclust")
        .n(n)
        .seed(seed)
        .options(Map.of("typiclust-max-clusters", "5"))
        .build();
  }

  private static SelectionResult local(SelectionSettings settings) {
    EncodedPool encoded =
        EncodedPool.build(
            PoolSettings.builder().latent(pool.resolve("pool.csv")).build(),
            null,
            ProgressDisplay.silent());
    return SelectionJob.standard().run(settings, encoded);
  }

  private static SelectionResult spark(SelectionSettings settings) {
    return new SparkSelectionJob(SparkPools.spark())
        .run(new SparkSelectionSettings(pool.resolve("pool.parquet").toString(), settings));
  }

  @Test
  void bothPathsFindTheSameFiveClusters() {
    Points points = new Points(encodings.values(), encodings.count(), 2);
    for (long seed : new long[] {0, 7}) {
      int[] single = KMeansRuns.defaults().fit(points, 5, seed).assignments();
      try (SparkPool opened =
          new SparkPool(SparkPools.spark(), pool.resolve("pool.parquet").toString())) {
        SparkKMeans.Cells cells =
            SparkKMeans.fit(opened, new SparkKMeans.Settings(5, 100, 1e-4, seed));
        KdTree tree = SparkKMeans.tree(cells.centres().toArray(), cells.centres().count(), 2);
        int[] distributed = new int[points.count()];
        for (int i = 0; i < distributed.length; i++) {
          distributed[i] = tree.nearest(points.point(i), Double.POSITIVE_INFINITY, false).index();
        }
        assertEquals(1.0, AdjustedRandIndex.of(single, distributed), 1e-12, "seed " + seed);
        int[] sizes = cells.sizes().clone();
        Arrays.sort(sizes);
        assertArrayEquals(new int[] {40, 55, 70, 85, 100}, sizes);
      }
    }
  }

  @Test
  void onTheSameClustersTheSelectionIsLqSamples() {
    for (long seed : new long[] {0, 7}) {
      for (int n : new int[] {5, 30, 200}) {
        SelectionResult expected = local(settings(n, seed));
        SelectionResult actual = spark(settings(n, seed));
        List<SelectionTable.Row> a = expected.rows().rows();
        List<SelectionTable.Row> b = actual.rows().rows();
        assertEquals(n, b.size());
        Map<Integer, Integer> renamed = new HashMap<>();
        for (int r = 0; r < n; r++) {
          String where = "seed " + seed + ", n " + n + ", rank " + (r + 1);
          assertEquals(a.get(r).index(), b.get(r).index(), where);
          assertEquals(a.get(r).id(), b.get(r).id(), where);
          assertArrayEquals(a.get(r).z(), b.get(r).z(), 0, where);
          Integer before = renamed.putIfAbsent(a.get(r).cluster(), b.get(r).cluster());
          assertEquals(before == null ? b.get(r).cluster() : before, b.get(r).cluster(), where);
        }
        assertEquals(renamed.size(), renamed.values().stream().distinct().count());
        assertEquals(expected.record().classHistogram(), actual.record().classHistogram());
        for (String key :
            List.of("clusters", "large_clusters", "picks_from_small_clusters", "labeled")) {
          assertEquals(
              expected.record().parameters().get(key), actual.record().parameters().get(key), key);
        }
      }
    }
  }

  @Test
  void withLabeledExamplesTheSelectionIsLqSamples(@TempDir Path dir) throws java.io.IOException {
    // Every 4th point is labeled: each cluster holds some, and they are never taken.
    StringBuilder ids = new StringBuilder("id\n");
    for (int i = 0; i < encodings.count(); i += 4) {
      ids.append(encodings.id(i)).append('\n');
    }
    Path labeled = dir.resolve("labeled.csv");
    java.nio.file.Files.writeString(labeled, ids);
    for (int n : new int[] {5, 60}) {
      SelectionSettings settings =
          SelectionSettings.builder()
              .strategy("typiclust")
              .n(n)
              .seed(4)
              .options(Map.of("typiclust-max-clusters", "5"))
              .labeled(labeled)
              .build();
      List<SelectionTable.Row> a = local(settings).rows().rows();
      SelectionResult actual = spark(settings);
      List<SelectionTable.Row> b = actual.rows().rows();
      assertEquals(n, b.size());
      for (int r = 0; r < n; r++) {
        assertEquals(a.get(r).index(), b.get(r).index(), "n " + n + ", rank " + (r + 1));
        assertTrue(b.get(r).index() % 4 != 0, "labeled " + b.get(r).id() + " selected");
      }
      assertEquals(88, actual.record().counts().get("already_labeled"));
      assertEquals(88, actual.record().parameters().get("labeled"));
    }
  }

  @Test
  void noPointTwiceAndTheSameSeedGivesTheSameSelection() {
    SelectionResult first = spark(settings(300, 3));
    SelectionResult again = spark(settings(300, 3));
    int[] indices = first.selection().indices();
    assertEquals(300, Arrays.stream(indices).distinct().count());
    assertArrayEquals(indices, again.selection().indices());
    assertEquals(first.rows().rows(), again.rows().rows());
  }

  @Test
  void aClusterTooLargeForOneTaskIsRefusedWithOneLine() {
    try (SparkPool opened =
        new SparkPool(SparkPools.spark(), pool.resolve("pool.parquet").toString())) {
      TypiClustSettings typiclust =
          TypiClustSettings.fromOptions(
              StrategyOptions.of(Map.of("typiclust-max-clusters", "5")), KMeansRuns.defaults());
      long cap = 99 * SparkTypiClust.bytesPerMember(2);
      InputException e =
          assertThrows(
              InputException.class,
              () ->
                  SparkTypiClust.select(
                      opened, SelectionRequest.of(10, 0), typiclust, StageMeter.NONE, cap));
      assertTrue(
          e.getMessage()
              .matches(
                  "typiclust on Spark holds each cluster in one task, and cluster"
                      + " [0-4] has 100 points, more than the 99 a task may hold at L = 2; .*"),
          e.getMessage());
      assertTrue(!e.getMessage().contains("\n"));
    }
  }
}
