package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.TestData;
import io.latentquery.inference.TinySavedModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --trust-model} on the commands that run a SavedModel the user hands them. */
class TrustModelTest {
  @TempDir Path dir;

  @BeforeAll
  static void useTestData() {
    System.setProperty("lq.data.dir", TestData.dataDir().toString());
  }

  private static CliRun encode(Path model, Path out, String... extra) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "encode",
                "--model",
                model.toString(),
                "--data",
                "mnist",
                "--limit",
                "20",
                "--threads",
                "1",
                "--out",
                out.toString()));
    args.addAll(java.util.List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void encodeRefusesAFileWritingModelUnlessTrusted() throws IOException {
    Path target = dir.resolve("written.txt");
    Path model =
        TinySavedModels.fileWritingEncoder(
            dir.resolve("writer"), 28, 28, 1, TinySavedModels.matrix(784, 2), target, "x");
    Path out = dir.resolve("z.csv");
    CliRun refused = encode(model, out);
    assertEquals(1, refused.code(), refused.err());
    assertEquals(
        "lq: SavedModel "
            + model
            + " runs ops that can reach files or the system: WriteFile"
            + " (give --trust-model to run it anyway)",
        refused.errorLine());
    assertFalse(Files.exists(target), "nothing in the model ran");
    assertFalse(Files.exists(out), "nothing was written");

    CliRun trusted = encode(model, out, "--trust-model");
    assertEquals(0, trusted.code(), trusted.err());
    assertEquals(21, Files.readAllLines(out).size());
    assertTrue(Files.exists(target), "a trusted model runs as it is");
  }

  @Test
  void decodeRefusesAFileReadingModelUnlessTrusted() throws IOException {
    Path model =
        TinySavedModels.fileReadingEncoder(
            dir.resolve("reader"), 28, 28, 1, TinySavedModels.matrix(784, 2), dir.resolve("x"));
    Path latent = Files.writeString(dir.resolve("points.csv"), "id,label,z1,z2\na,,1,2\n");
    CliRun refused =
        CliRun.of(
            "decode",
            "--decoder",
            model.toString(),
            "--latent",
            latent.toString(),
            "--out",
            dir.resolve("decoded").toString());
    assertEquals(1, refused.code(), refused.err());
    assertTrue(
        refused.errorLine().contains("can reach files or the system: ReadFile"),
        refused.errorLine());
    CliRun trusted =
        CliRun.of(
            "decode",
            "--trust-model",
            "--decoder",
            model.toString(),
            "--latent",
            latent.toString(),
            "--out",
            dir.resolve("decoded").toString());
    assertEquals(1, trusted.code(), "an encoder is still no decoder");
    assertTrue(
        trusted.errorLine().contains("has no input 'latent'"),
        "past the guard to the signature check: " + trusted.errorLine());
  }
}
