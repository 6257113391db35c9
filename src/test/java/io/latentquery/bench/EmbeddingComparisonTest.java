package io.latentquery.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.latentquery.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingComparisonTest {
  @TempDir Path dir;

  /** An lq bench embedding --out file with one tsne row, in the command's layout. */
  private Path run(
      String name, long seed, String split, String checksum, int k, double acc, double trust)
      throws IOException {
    Path file = dir.resolve(name + ".json");
    Files.writeString(
        file,
        String.format(
            Locale.ROOT,
            "{\"split\": \"%s\", \"pool_checksum\": \"p\", \"scored_checksum\": \"%s\","
                + " \"results\": [{\"kind\": \"tsne\", \"epochs\": 35, \"oneNnAccuracy\": %s,"
                + " \"trustworthiness\": %s, \"split\": \"%S\"}],"
                + " \"provenance\": {\"seed\": %d, \"settings\": {\"k\": %d},"
                + " \"versions\": {\"git.commit\": \"abc\", \"git.dirty\": \"false\"}}}",
            split,
            checksum,
            acc,
            trust,
            split,
            seed,
            k));
    return file;
  }

  private EmbeddingComparison.Run read(Path file) {
    return EmbeddingComparison.read(file, "--baseline");
  }

  private List<EmbeddingComparison.Run> baseline() throws IOException {
    return List.of(
        read(run("b1", 1, "validation", "v", 12, 0.90, 0.940)),
        read(run("b2", 2, "validation", "v", 12, 0.92, 0.942)),
        read(run("b3", 3, "validation", "v", 12, 0.91, 0.944)));
  }

  @Test
  void pairsBySeedAndGivesTheHandComputedInterval() throws IOException {
    List<EmbeddingComparison.Run> candidate =
        List.of(
            read(run("c3", 3, "validation", "v", 12, 0.94, 0.947)),
            read(run("c1", 1, "validation", "v", 12, 0.91, 0.941)),
            read(run("c2", 2, "validation", "v", 12, 0.94, 0.941)),
            read(run("c4", 4, "validation", "v", 12, 0.99, 0.999)));
    EmbeddingComparison.Result result = EmbeddingComparison.compare(baseline(), candidate);
    assertEquals("validation", result.split());
    assertEquals(12, result.k());
    assertEquals(List.of(4L), result.unpaired());
    assertEquals(Set.of("abc"), result.baselineCommits());
    EmbeddingComparison.KindComparison tsne = result.kinds().get(0);
    assertEquals("tsne", tsne.kind());
    assertEquals(List.of(1L, 2L, 3L), tsne.pairs().stream().map(p -> p.seed()).toList());
    // Differences 0.01, 0.02, 0.03: mean 0.02, std 0.01, t(0.975, 2) = 4.302653, so the half
    // width is 4.302653 x 0.01 / sqrt(3) = 0.0248414.
    assertEquals(3, tsne.accuracy().n());
    assertEquals(0.02, tsne.accuracy().mean(), 1e-12);
    assertEquals(0.01, tsne.accuracy().std(), 1e-12);
    assertEquals(0.02 - 0.0248414, tsne.accuracy().low(), 1e-6);
    assertEquals(0.02 + 0.0248414, tsne.accuracy().high(), 1e-6);
    // T differences 0.001, -0.001, 0.003: mean 0.001, std 0.002.
    assertEquals(0.001, tsne.trustworthiness().mean(), 1e-12);
    assertEquals(0.002, tsne.trustworthiness().std(), 1e-12);
  }

  @Test
  void refusesRunsThatCannotBePaired() throws IOException {
    List<EmbeddingComparison.Run> base = baseline();
    InputException split =
        assertThrows(
            InputException.class,
            () ->
                EmbeddingComparison.compare(
                    base, List.of(read(run("t1", 1, "test", "t", 12, 0.9, 0.9)))));
    assertEquals(
        "--candidate "
            + dir.resolve("t1.json")
            + " scored the test split but --baseline "
            + dir.resolve("b1.json")
            + " scored validation; compare runs on one split",
        split.getMessage());
    InputException data =
        assertThrows(
            InputException.class,
            () ->
                EmbeddingComparison.compare(
                    base, List.of(read(run("o1", 1, "validation", "other", 12, 0.9, 0.9)))));
    assertEquals(
        "--candidate "
            + dir.resolve("o1.json")
            + " scored other examples than --baseline "
            + dir.resolve("b1.json")
            + " (the scored split's checksums differ)",
        data.getMessage());
    InputException k =
        assertThrows(
            InputException.class,
            () ->
                EmbeddingComparison.compare(
                    base, List.of(read(run("k1", 1, "validation", "v", 5, 0.9, 0.9)))));
    assertEquals(
        "--candidate "
            + dir.resolve("k1.json")
            + " measured T(5) but --baseline "
            + dir.resolve("b1.json")
            + " measured T(12)",
        k.getMessage());
    InputException twice =
        assertThrows(
            InputException.class,
            () ->
                EmbeddingComparison.compare(
                    base,
                    List.of(
                        read(run("d1", 1, "validation", "v", 12, 0.9, 0.9)),
                        read(run("d2", 1, "validation", "v", 12, 0.9, 0.9)))));
    assertEquals(
        "--candidate files "
            + dir.resolve("d1.json")
            + " and "
            + dir.resolve("d2.json")
            + " both have seed 1; give one run per seed",
        twice.getMessage());
    InputException none =
        assertThrows(
            InputException.class,
            () ->
                EmbeddingComparison.compare(
                    base, List.of(read(run("n9", 9, "validation", "v", 12, 0.9, 0.9)))));
    assertEquals(
        "no seed is in both --baseline (seeds [1, 2, 3]) and --candidate (seeds [9])",
        none.getMessage());
  }

  @Test
  void refusesAFileThatIsNotAnEmbeddingBenchmark() throws IOException {
    Path other = dir.resolve("selection.json");
    Files.writeString(other, "{\"strategy\": \"kmeans\"}");
    InputException e =
        assertThrows(InputException.class, () -> EmbeddingComparison.read(other, "--candidate"));
    assertEquals(
        "--candidate " + other + " is not an lq bench embedding --out file", e.getMessage());
  }
}
