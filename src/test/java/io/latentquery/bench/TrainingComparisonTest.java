package io.latentquery.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.InputException;
import io.latentquery.bench.TrainingComparison.Measure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingComparisonTest {
  @TempDir Path dir;

  /** An lq bench train --out file, in the command's layout, as written before a04c6c8. */
  private TrainingComparison.Run run(String name, int batch, String data, double imagesPerSecond)
      throws IOException {
    return run(name, batch, data, imagesPerSecond, "");
  }

  /** The same with the median step's share of the sgemm, as written from a04c6c8 on. */
  private TrainingComparison.Run run(String name, double imagesPerSecond, double medianStepShare)
      throws IOException {
    return run(
        name,
        64,
        "random pixels",
        imagesPerSecond,
        String.format(Locale.ROOT, " \"share_of_sgemm_by_median_step\": %s,", medianStepShare));
  }

  private TrainingComparison.Run run(
      String name, int batch, String data, double imagesPerSecond, String extraResult)
      throws IOException {
    Path file = dir.resolve(name + ".json");
    Files.writeString(
        file,
        String.format(
            Locale.ROOT,
            "{\"machine\": {}, \"profile\": null, \"results\": {%s \"images_per_second\": %s,"
                + " \"images_per_cpu_second\": %s, \"share_of_sgemm\": %s,"
                + " \"share_of_sgemm_by_cpu_time\": 0.8}, \"provenance\": {\"command\": \"bench"
                + " train\", \"settings\": {\"batch_size\": %d, \"data\": \"%s\", \"architecture\":"
                + " {\"kind\": \"conv\", \"filters\": [64, 32, 32]}}, \"versions\": {\"git.commit\":"
                + " \"abc\", \"git.dirty\": \"true\"}}}",
            extraResult,
            imagesPerSecond,
            imagesPerSecond / 2,
            imagesPerSecond / 400,
            batch,
            data));
    return TrainingComparison.read(file, "--baseline");
  }

  @Test
  void pairsInOrderAndGivesTheHandComputedInterval() throws IOException {
    List<TrainingComparison.Run> baseline =
        List.of(
            run("b1", 64, "random pixels", 200),
            run("b2", 64, "random pixels", 240),
            run("b3", 64, "random pixels", 220));
    List<TrainingComparison.Run> candidate =
        List.of(
            run("c1", 64, "random pixels", 210),
            run("c2", 64, "random pixels", 260),
            run("c3", 64, "random pixels", 250));
    TrainingComparison.Result result = TrainingComparison.compare(baseline, candidate);
    assertEquals(64, result.batchSize());
    assertEquals(Set.of("abc-dirty"), result.baselineCommits());
    // Differences 10, 20, 30 images/s: mean 20, std 10, t(0.975, 2) = 4.302653, so the half width
    // is 4.302653 x 10 / sqrt(3) = 24.8414. Relative: (5% + 8.333% + 13.636%) / 3 = 8.990%.
    var images = result.measures().get(Measure.IMAGES_PER_SECOND);
    assertEquals(3, images.difference().n());
    assertEquals(20, images.difference().mean(), 1e-9);
    assertEquals(10, images.difference().std(), 1e-9);
    assertEquals(20 - 24.8414, images.difference().low(), 1e-4);
    assertEquals(20 + 24.8414, images.difference().high(), 1e-4);
    assertEquals((5 + 100.0 / 12 + 300.0 / 22) / 3, images.relativePercent(), 1e-9);
    // Half the images per CPU-second; shares are read as fractions and compared in percent.
    assertEquals(
        10, result.measures().get(Measure.IMAGES_PER_CPU_SECOND).difference().mean(), 1e-9);
    assertEquals(5, result.measures().get(Measure.SHARE_OF_SGEMM).difference().mean(), 1e-9);
    assertEquals(
        0, result.measures().get(Measure.SHARE_OF_SGEMM_BY_CPU_TIME).difference().mean(), 1e-12);
  }

  @Test
  void theMedianStepShareIsComparedWhereEveryRunRecordedIt() throws IOException {
    // Median-step shares 0.80, 0.84 against 0.83, 0.86: differences 3 and 2 points, mean 2.5.
    var baseline = List.of(run("b1", 200, 0.80), run("b2", 240, 0.84));
    var candidate = List.of(run("c1", 210, 0.83), run("c2", 260, 0.86));
    var both = TrainingComparison.compare(baseline, candidate).measures();
    assertEquals(2.5, both.get(Measure.SHARE_OF_SGEMM_BY_MEDIAN_STEP).difference().mean(), 1e-9);
    // A run written before the share was recorded leaves it out, and only it.
    var older = List.of(run("c1-old", 64, "random pixels", 210), run("c2", 260, 0.86));
    var some = TrainingComparison.compare(baseline, older).measures();
    assertFalse(some.containsKey(Measure.SHARE_OF_SGEMM_BY_MEDIAN_STEP));
    assertEquals(Measure.values().length - 1, some.size());
    assertEquals(15, some.get(Measure.IMAGES_PER_SECOND).difference().mean(), 1e-9);
  }

  @Test
  void refusesUnpairedOrIncomparableRunsNamingTheFile() throws IOException {
    var b64 = run("b", 64, "random pixels", 200);
    var c64 = run("c", 64, "random pixels", 210);
    InputException counts =
        assertThrows(
            InputException.class, () -> TrainingComparison.compare(List.of(b64), List.of()));
    assertTrue(counts.getMessage().contains("as many --candidate files as --baseline"));
    var c256 = run("c256", 256, "random pixels", 210);
    InputException batch =
        assertThrows(
            InputException.class, () -> TrainingComparison.compare(List.of(b64), List.of(c256)));
    assertTrue(batch.getMessage().contains("c256.json trained batch size 256 against 64"));
    var mnist = run("mnist", 64, "mnist pool", 210);
    InputException data =
        assertThrows(
            InputException.class,
            () -> TrainingComparison.compare(List.of(b64, b64), List.of(c64, mnist)));
    assertTrue(data.getMessage().contains("mnist.json trained data 'mnist pool'"));
  }

  @Test
  void refusesAFileThatIsNotATrainingBenchmark() throws IOException {
    Path file = dir.resolve("embedding.json");
    Files.writeString(file, "{\"provenance\": {\"command\": \"bench embedding\"}}");
    InputException e =
        assertThrows(InputException.class, () -> TrainingComparison.read(file, "--candidate"));
    assertEquals("--candidate " + file + " is not an lq bench train --out file", e.getMessage());
  }
}
