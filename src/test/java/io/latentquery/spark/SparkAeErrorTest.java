package io.latentquery.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.InputException;
import io.latentquery.inference.Encodings;
import io.latentquery.inference.ReconstructionError;
import io.latentquery.sampling.Points;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.job.SelectionResult;
import io.latentquery.sampling.job.SelectionSettings;
import io.latentquery.sampling.strategy.ReconstructionErrorStrategy;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ae-error on Spark: a distributed top-n with the single-machine order and tie rule. */
class SparkAeErrorTest {
  @org.junit.jupiter.api.AfterAll
  static void stopSpark() {
    SparkPools.stop();
  }

  @TempDir static Path pool;
  static Encodings encodings;
  static double[] errors;

  @BeforeAll
  static void writePool() {
    SplittableRandom rng = new SplittableRandom(3);
    errors = new double[500];
    for (int i = 0; i < errors.length; i++) {
      // Few distinct values, so many ties: they must go to the lower index.
      errors[i] = rng.nextInt(40) / 8.0;
    }
    encodings = SparkPools.write(pool, errors.length, 3, 5, errors);
  }

  private SelectionSettings settings(int n, Map<String, String> options) {
    return SelectionSettings.builder().strategy("ae-error").n(n).seed(9).options(options).build();
  }

  @Test
  void theTopNMatchesTheSingleMachineRankingWithTies() {
    for (int n : new int[] {1, 37, 200}) {
      SelectionResult spark =
          new SparkSelectionJob(SparkPools.spark())
              .run(
                  new SparkSelectionSettings(
                      pool.resolve("pool.parquet").toString(), settings(n, Map.of())));
      int[] expected =
          new ReconstructionErrorStrategy(errors, ReconstructionError.BCE)
              .select(Points.of(encodings), SelectionRequest.of(n, 9))
              .indices();
      assertArrayEquals(expected, spark.selection().indices());
      assertEquals(errors[expected[0]], spark.selection().parameters().get("highest_error"));
      assertEquals(false, spark.selection().parameters().get("uses_seed"));
    }
  }

  @Test
  void labeledExamplesAreSkippedAsOnOneMachine(@TempDir Path dir) throws java.io.IOException {
    int[] top =
        new ReconstructionErrorStrategy(errors, ReconstructionError.BCE)
            .select(Points.of(encodings), SelectionRequest.of(30, 9))
            .indices();
    // Label every other one of the single-machine top 30, so the top-n must reach past them.
    int[] labeled =
        java.util.stream.IntStream.range(0, 30)
            .filter(r -> r % 2 == 0)
            .map(r -> top[r])
            .sorted()
            .toArray();
    StringBuilder ids = new StringBuilder();
    for (int i : labeled) {
      ids.append(encodings.id(i)).append('\n');
    }
    Path file = dir.resolve("labeled.txt");
    java.nio.file.Files.writeString(file, ids);
    SelectionResult spark =
        new SparkSelectionJob(SparkPools.spark())
            .run(
                new SparkSelectionSettings(
                    pool.resolve("pool.parquet").toString(),
                    SelectionSettings.builder()
                        .strategy("ae-error")
                        .n(30)
                        .seed(9)
                        .labeled(file)
                        .build()));
    int[] expected =
        new ReconstructionErrorStrategy(errors, ReconstructionError.BCE)
            .select(Points.of(encodings), new SelectionRequest(30, 9, labeled))
            .indices();
    assertArrayEquals(expected, spark.selection().indices());
    for (int i : spark.selection().indices()) {
      assertTrue(java.util.Arrays.binarySearch(labeled, i) < 0);
    }
    assertEquals(15, spark.record().counts().get("already_labeled"));
  }

  @Test
  void anotherMeasureThanTheTableHoldsIsRefusedByName() {
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                new SparkSelectionJob(SparkPools.spark())
                    .run(
                        new SparkSelectionSettings(
                            pool.resolve("pool.parquet").toString(),
                            settings(5, Map.of("error", "l1")))));
    assertTrue(e.getMessage().contains("needs column error_l1"), e.getMessage());
  }
}
