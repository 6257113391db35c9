package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentquery.TestData;
import io.latentquery.data.Dataset;
import io.latentquery.files.Checksums;
import io.latentquery.files.Json;
import io.latentquery.inference.Encodings;
import io.latentquery.inference.TinySavedModels;
import io.latentquery.sampling.io.LatentFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCommandTest {
  private static final int POOL = 300;

  @TempDir static Path models;
  @TempDir Path dir;

  static Path encoder;
  static Path autoencoder;

  @BeforeAll
  static void exportModels() throws IOException {
    System.setProperty("lq.data.dir", TestData.dataDir().toString());
    encoder =
        TinySavedModels.linearEncoder(
            models.resolve("encoder"), 28, 28, 1, TinySavedModels.matrix(784, 2));
    autoencoder =
        TinySavedModels.scalingAutoencoder(models.resolve("autoencoder"), 28, 28, 1, 0.5f, true);
  }

  private String[] sample(Path out, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "sample",
                "--encoder",
                encoder.toString(),
                "--data",
                "mnist",
                "--limit",
                Integer.toString(POOL),
                "--threads",
                "1",
                "--out",
                out.toString()));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  @Test
  void writesASelectionAndItsRecordAndRerunsByteIdentically() throws IOException {
    Path first = dir.resolve("selection.csv");
    CliRun run =
        CliRun.of(
            sample(
                first,
                "--strategy",
                "normal-cluster",
                "--n",
                "20",
                "--seed",
                "7",
                "--clusters",
                "4"));
    assertEquals(0, run.code(), run.err());
    assertTrue(
        run.out().startsWith("selected 20 of 300 pool examples with normal-cluster"), run.out());
    List<String> lines = Files.readAllLines(first);
    assertEquals(21, lines.size());
    assertEquals("rank,index,id,label,z1,z2,cluster,draw_distance", lines.get(0));
    assertTrue(lines.get(1).startsWith("1,"), lines.get(1));

    JsonNode record = Json.readTree(dir.resolve("selection.json"));
    assertEquals("normal-cluster", record.get("strategy").asText());
    assertEquals(7, record.get("seed").asLong());
    assertEquals(4, record.get("parameters").get("clusters").asInt());
    assertTrue(record.get("parameters").get("threshold").asDouble() > 0);
    assertEquals(Checksums.sha256(encoder), record.get("inputs").get("encoder_sha256").asText());
    assertEquals(300, record.get("counts").get("pool").asInt());
    int histogram = 0;
    for (JsonNode count : record.get("classHistogram")) {
      histogram += count.asInt();
    }
    assertEquals(20, histogram);

    Path second = dir.resolve("again.csv");
    assertEquals(
        0,
        CliRun.of(
                sample(
                    second,
                    "--strategy",
                    "normal-cluster",
                    "--n",
                    "20",
                    "--seed",
                    "7",
                    "--clusters",
                    "4"))
            .code());
    assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    Path other = dir.resolve("other.csv");
    assertEquals(
        0,
        CliRun.of(
                sample(
                    other,
                    "--strategy",
                    "normal-cluster",
                    "--n",
                    "20",
                    "--seed",
                    "8",
                    "--clusters",
                    "4"))
            .code());
    assertFalse(java.util.Arrays.equals(Files.readAllBytes(first), Files.readAllBytes(other)));
  }

  @Test
  void withoutAStrategyTheRecommendedKmeansSelects() throws IOException {
    Path chosen = dir.resolve("default.csv");
    Path kmeans = dir.resolve("kmeans.csv");
    CliRun byDefault = CliRun.of(sample(chosen, "--n", "12", "--seed", "4"));
    assertEquals(0, byDefault.code(), byDefault.err());
    assertEquals(
        0, CliRun.of(sample(kmeans, "--strategy", "kmeans", "--n", "12", "--seed", "4")).code());
    assertArrayEquals(Files.readAllBytes(kmeans), Files.readAllBytes(chosen));
    assertEquals("kmeans", Json.readTree(dir.resolve("default.json")).get("strategy").asText());
  }

  @Test
  void replacesASelectionOnlyWithForce() {
    Path out = dir.resolve("selection.csv");
    assertEquals(0, CliRun.of(sample(out, "--strategy", "random", "--n", "5")).code());
    CliRun refused = CliRun.of(sample(out, "--strategy", "random", "--n", "6"));
    assertEquals(1, refused.code());
    assertEquals("lq: " + out + " exists; use --force to replace it", refused.errorLine());
    assertEquals(0, CliRun.of(sample(out, "--strategy", "random", "--n", "6", "--force")).code());
  }

  @Test
  void impossibleRequestsAreUsageErrors() {
    Path out = dir.resolve("s.csv");
    CliRun zero = CliRun.of(sample(out, "--strategy", "uniform", "--n", "0"));
    assertEquals(2, zero.code());
    assertEquals("lq: usage error: --n must be >= 1, got 0", zero.errorLine());
    CliRun tooMany = CliRun.of(sample(out, "--strategy", "uniform", "--n", "301"));
    assertEquals(2, tooMany.code());
    assertEquals(
        "lq: usage error: --n 301 is larger than the 300 selectable pool examples",
        tooMany.errorLine());
    CliRun unknown = CliRun.of(sample(out, "--strategy", "no-such-strategy", "--n", "5"));
    assertEquals(2, unknown.code());
    assertTrue(
        unknown
            .errorLine()
            .startsWith(
                "lq: usage error: unknown strategy 'no-such-strategy'; known: random, uniform, normal"),
        unknown.errorLine());
    CliRun noAutoencoder = CliRun.of(sample(out, "--strategy", "ae-error", "--n", "5"));
    assertEquals(2, noAutoencoder.code());
    assertEquals(
        "lq: usage error: strategy ae-error needs --autoencoder", noAutoencoder.errorLine());
    CliRun misplaced =
        CliRun.of(sample(out, "--strategy", "random", "--n", "5", "--quota", "equal"));
    assertEquals(2, misplaced.code());
    assertEquals(
        "lq: usage error: --quota does not apply to strategy random", misplaced.errorLine());
    CliRun neither =
        CliRun.of("sample", "--strategy", "random", "--n", "5", "--out", out.toString());
    assertEquals(2, neither.code());
    assertEquals(
        "lq: usage error: give either --encoder (with --data) or --latent", neither.errorLine());
    assertFalse(Files.exists(out));
  }

  @Test
  void aSelectionNamesTheTrainingRunOfItsEncoder() throws IOException {
    Path run = dir.resolve("models/tiny");
    Path export = dir.resolve("savedmodels/tiny");
    CliRun train =
        CliRun.of(
            "train",
            "--data",
            "mnist",
            "--limit",
            "64",
            "--preset",
            "small",
            "--epochs",
            "1",
            "--batch-size",
            "32",
            "--threads",
            "1",
            "--run",
            run.toString(),
            "--export-to",
            export.toString());
    assertEquals(0, train.code(), train.err());
    Path out = dir.resolve("selection.csv");
    CliRun sample =
        CliRun.of(
            "sample",
            "--encoder",
            export.resolve("encoder").toString(),
            "--data",
            "mnist",
            "--limit",
            "64",
            "--threads",
            "1",
            "--strategy",
            "kcenter",
            "--n",
            "4",
            "--out",
            out.toString());
    assertEquals(0, sample.code(), sample.err());

    JsonNode provenance = Json.readTree(dir.resolve("selection.json")).get("provenance");
    JsonNode encoderInput = provenance.get("inputs").get(0);
    assertEquals("encoder", encoderInput.get("role").asText());
    assertEquals(Checksums.sha256(export.resolve("encoder")), encoderInput.get("sha256").asText());
    assertEquals(Json.readTree(run.resolve("provenance.json")), encoderInput.get("upstream"));
    assertEquals("train", encoderInput.at("/upstream/command").asText());
    assertEquals("data", encoderInput.at("/upstream/inputs/0/role").asText());
    assertEquals(
        TestData.mnistPool(64).checksum(), encoderInput.at("/upstream/inputs/0/sha256").asText());
  }

  @Test
  void encoderAndLatentExcludeEachOther() {
    Path out = dir.resolve("s.csv");
    CliRun both =
        CliRun.of(
            sample(
                out,
                "--strategy",
                "random",
                "--n",
                "5",
                "--latent",
                dir.resolve("z.csv").toString()));
    assertEquals(2, both.code());
    assertTrue(both.errorLine().contains("mutually exclusive"), both.errorLine());
    assertFalse(Files.exists(out));
  }

  @Test
  void refusedSettingsNameTheFlag() {
    Path out = dir.resolve("s.csv");
    String[] cases = {
      "--split bogus | --split must be pool, validation, test or all, got 'bogus'",
      "--pool-size 0 | --pool-size must be >= 1, got 0",
      "--pool-size 70000 | --pool-size 70000 + validation 10000 exceed the 60000 training examples"
          + " of mnist",
      "--batch-size 0 | --batch-size must be >= 1, got 0",
    };
    for (String c : cases) {
      String[] options = c.split(" \\| ")[0].split(" ");
      List<String> args = new ArrayList<>(List.of("--strategy", "random", "--n", "5"));
      args.addAll(List.of(options));
      CliRun run = CliRun.of(sample(out, args.toArray(String[]::new)));
      assertEquals(2, run.code(), c + ": " + run.err());
      assertEquals("lq: usage error: " + c.split(" \\| ")[1], run.errorLine(), c);
      assertFalse(Files.exists(out), c);
    }
  }

  @Test
  void anEncoderWhoseOutputIsNotOneVectorPerExampleIsRefused() throws IOException {
    Path identity = TinySavedModels.identity(dir.resolve("identity"), 28, 28, 1);
    Path out = dir.resolve("s.csv");
    CliRun run =
        CliRun.of(
            "sample",
            "--encoder",
            identity.toString(),
            "--data",
            "mnist",
            "--limit",
            "10",
            "--strategy",
            "random",
            "--n",
            "2",
            "--out",
            out.toString());
    assertEquals(1, run.code());
    assertTrue(
        run.errorLine().contains("has shape [-1, 28, 28, 1], expected [-1, L]"), run.errorLine());
    CliRun missing =
        CliRun.of(
            "sample",
            "--encoder",
            dir.resolve("nope").toString(),
            "--data",
            "mnist",
            "--limit",
            "10",
            "--strategy",
            "random",
            "--n",
            "2",
            "--out",
            out.toString());
    assertEquals(1, missing.code());
    assertEquals("lq: missing SavedModel folder: " + dir.resolve("nope"), missing.errorLine());
  }

  @Test
  void aThresholdTooSmallStopsWithASuggestion() {
    CliRun run =
        CliRun.of(
            sample(
                dir.resolve("s.csv"),
                "--strategy",
                "uniform",
                "--n",
                "10",
                "--threshold",
                "1e-9",
                "--max-misses",
                "200"));
    assertEquals(1, run.code());
    assertTrue(
        run.errorLine()
            .matches(
                "lq: uniform: stopped after 200 draws in a row .* try --threshold [0-9.E-]+ .*"),
        run.errorLine());
  }

  @Test
  void aeErrorTakesTheWorstReconstructedExamplesByTheNamedMeasure() throws IOException {
    // The autoencoder halves every pixel x. Per pixel, l1 is x / 2 and bce is
    // -[x ln(x / 2) + (1 - x) ln(1 - x / 2)], which is not monotone in x (0.837 at x = 0.5 against
    // ln 2 = 0.693 at x = 1), so the two measures rank the pool differently.
    Dataset pool = TestData.mnistPool(POOL);
    double[] l1 = new double[POOL];
    double[] bce = new double[POOL];
    for (int i = 0; i < POOL; i++) {
      for (float v : pool.image(i)) {
        double x = v;
        double r = Math.max(0.5 * x, 1e-7);
        l1[i] += 0.5 * x;
        bce[i] -= x * Math.log(r) + (1 - x) * Math.log(1 - r);
      }
    }
    String[][] runs = {{"l1"}, {}};
    double[][] references = {l1, bce};
    String[] labels = {"l1", "bce"};
    List<List<Integer>> chosen = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      Path out = dir.resolve("ae-" + labels[run] + ".csv");
      List<String> args =
          new ArrayList<>(
              List.of(
                  "--strategy", "ae-error", "--n", "5", "--autoencoder", autoencoder.toString()));
      if (runs[run].length > 0) {
        args.addAll(List.of("--error", runs[run][0]));
      }
      CliRun result = CliRun.of(sample(out, args.toArray(String[]::new)));
      assertEquals(0, result.code(), result.err());
      double[] reference = references[run];
      List<Integer> expected =
          IntStream.range(0, POOL)
              .boxed()
              .sorted(Comparator.comparingDouble((Integer i) -> -reference[i]))
              .limit(5)
              .toList();
      List<Integer> selected =
          Files.readAllLines(out).stream()
              .skip(1)
              .map(l -> Integer.parseInt(l.split(",")[1]))
              .toList();
      assertEquals(expected, selected, labels[run]);
      JsonNode parameters =
          Json.readTree(dir.resolve("ae-" + labels[run] + ".json")).get("parameters");
      assertEquals(labels[run], parameters.get("error").asText());
      assertFalse(parameters.get("uses_seed").asBoolean(), "ae-error ignores the seed");
      chosen.add(selected);
    }
    assertFalse(chosen.get(0).equals(chosen.get(1)), "l1 and bce rank this pool differently");
    CliRun bad =
        CliRun.of(
            sample(
                dir.resolve("bad.csv"),
                "--strategy",
                "ae-error",
                "--n",
                "5",
                "--autoencoder",
                autoencoder.toString(),
                "--error",
                "mse"));
    assertEquals(2, bad.code());
    assertEquals("lq: usage error: --error must be bce or l1, got 'mse'", bad.errorLine());
    CliRun misplaced =
        CliRun.of(
            sample(dir.resolve("bad.csv"), "--strategy", "random", "--n", "5", "--error", "l1"));
    assertEquals(2, misplaced.code());
    assertEquals(
        "lq: usage error: --error does not apply to strategy random", misplaced.errorLine());
  }

  @Test
  void labeledIdsAreNeverSelectedAgain() throws IOException {
    Path first = dir.resolve("round1.csv");
    assertEquals(
        0, CliRun.of(sample(first, "--strategy", "uniform", "--n", "50", "--seed", "1")).code());
    Path second = dir.resolve("round2.csv");
    CliRun run =
        CliRun.of(
            sample(
                second,
                "--strategy",
                "uniform",
                "--n",
                "250",
                "--seed",
                "1",
                "--labeled",
                first.toString(),
                "--take",
                "all-within"));
    assertEquals(0, run.code(), run.err());
    List<String> round1 =
        Files.readAllLines(first).stream().skip(1).map(l -> l.split(",")[2]).toList();
    List<String> round2 =
        Files.readAllLines(second).stream().skip(1).map(l -> l.split(",")[2]).toList();
    for (String id : round1) {
      assertFalse(round2.contains(id), "id " + id + " was selected again");
    }
    assertEquals(
        50, Json.readTree(dir.resolve("round2.json")).get("counts").get("already_labeled").asInt());
  }

  @Test
  void encodeWritesCsvAndNpyThatSampleReadsBack() throws IOException {
    Path csv = dir.resolve("z.csv");
    CliRun encode =
        CliRun.of(
            "encode",
            "--model",
            encoder.toString(),
            "--data",
            "mnist",
            "--limit",
            "300",
            "--threads",
            "1",
            "--out",
            csv.toString());
    assertEquals(0, encode.code(), encode.err());
    assertTrue(Files.readAllLines(csv).get(0).equals("id,label,z1,z2"));
    assertEquals(301, Files.readAllLines(csv).size());
    JsonNode provenance = Json.readTree(dir.resolve("z.csv.json"));
    assertEquals(
        Checksums.sha256(encoder), provenance.get("settings").get("encoderSha256").asText());
    assertEquals(300, provenance.get("settings").get("limit").asInt());

    Path npy = dir.resolve("z.npy");
    assertEquals(
        0,
        CliRun.of(
                "encode",
                "--model",
                encoder.toString(),
                "--data",
                "mnist",
                "--limit",
                "300",
                "--out",
                npy.toString())
            .code());
    assertTrue(Files.exists(dir.resolve("z.ids.csv")));
    Encodings fromCsv = LatentFile.read(csv);
    Encodings fromNpy = LatentFile.read(npy);
    assertArrayEquals(fromCsv.values(), fromNpy.values());
    assertEquals(fromCsv.ids(), fromNpy.ids());
    assertEquals(fromCsv.labels(), fromNpy.labels());
    assertEquals("5", fromCsv.label(0), "the first MNIST image is a 5");

    Path direct = dir.resolve("direct.csv");
    Path viaCsv = dir.resolve("via-csv.csv");
    Path viaNpy = dir.resolve("via-npy.csv");
    assertEquals(
        0, CliRun.of(sample(direct, "--strategy", "normal", "--n", "15", "--seed", "3")).code());
    assertEquals(
        0,
        CliRun.of(
                "sample",
                "--latent",
                csv.toString(),
                "--strategy",
                "normal",
                "--n",
                "15",
                "--seed",
                "3",
                "--out",
                viaCsv.toString())
            .code());
    assertEquals(
        0,
        CliRun.of(
                "sample",
                "--latent",
                npy.toString(),
                "--strategy",
                "normal",
                "--n",
                "15",
                "--seed",
                "3",
                "--out",
                viaNpy.toString())
            .code());
    assertArrayEquals(Files.readAllBytes(direct), Files.readAllBytes(viaCsv));
    assertArrayEquals(Files.readAllBytes(direct), Files.readAllBytes(viaNpy));

    CliRun again =
        CliRun.of(
            "encode",
            "--model",
            encoder.toString(),
            "--data",
            "mnist",
            "--limit",
            "3",
            "--out",
            csv.toString());
    assertEquals(1, again.code());
    assertEquals("lq: " + csv + " exists; use --force to replace it", again.errorLine());
  }
}
