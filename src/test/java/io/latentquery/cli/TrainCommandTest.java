package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.latentquery.UsesTestData;
import io.latentquery.contract.SavedModelContract;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@ExtendWith(UsesTestData.class)
class TrainCommandTest {
  @TempDir Path temp;
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = Main.commandLine();
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  /** lq train on the first 64 MNIST pool images into {@code runDir}, no export, plus options. */
  private int trainWithoutExport(Path runDir, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "train",
                "--data",
                "mnist",
                "--limit",
                "64",
                "--run",
                runDir.toString(),
                "--no-export"));
    args.addAll(List.of(options));
    return run(args.toArray(String[]::new));
  }

  @Test
  void zeroLatentDimIsAUsageError() {
    int code = trainWithoutExport(temp.resolve("m"), "--latent-dim", "0");
    assertEquals(2, code, err.toString());
    assertTrue(
        err.toString().startsWith("lq: usage error: --latent-dim must be >= 1, got 0\n"),
        err.toString());
    assertTrue(err.toString().contains("--help"), err.toString());
  }

  @Test
  void missingDataPathIsOneLineWithoutStackTrace() {
    Path missing = temp.resolve("no-such-images");
    int code = run("train", "--data", missing.toString(), "--run", temp.resolve("m").toString());
    assertEquals(1, code, err.toString());
    List<String> lines = err.toString().lines().toList();
    assertEquals(1, lines.size(), err.toString());
    assertTrue(lines.get(0).contains(missing.toString()), lines.get(0));
    assertFalse(err.toString().contains("\tat "), err.toString());
  }

  @Test
  void trainsSmallModelThenExportsAndRefusesToOverwrite() throws Exception {
    Path runDir = temp.resolve("models/tiny");
    Path export = temp.resolve("savedmodels/tiny");
    String[] args = {
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
      runDir.toString(),
      "--export-to",
      export.toString()
    };
    assertEquals(0, run(args), err.toString());
    for (String file :
        List.of("settings.json", "provenance.json", "metrics.csv", "checkpoint/state.json")) {
      assertTrue(Files.isRegularFile(runDir.resolve(file)), file);
    }
    assertTrue(
        Files.readString(runDir.resolve("settings.json")).contains("\"learningRate\" : 0.001"));
    List<String> metrics = Files.readAllLines(runDir.resolve("metrics.csv"));
    assertEquals(2, metrics.size());
    assertFalse(metrics.get(1).contains(",,"), "validation loss present: " + metrics.get(1));
    assertTrue(
        Files.isRegularFile(
            export.resolve(SavedModelContract.ENCODER_DIR).resolve("saved_model.pb")));
    assertTrue(Files.isRegularFile(export.resolve(SavedModelContract.PROVENANCE_FILE)));

    assertEquals(1, run(args));
    assertTrue(err.toString().contains("exists; use --force"), err.toString());

    assertEquals(1, run("export", "--run", runDir.toString(), "--out", export.toString()));
    assertEquals(
        0,
        run("export", "--run", runDir.toString(), "--out", export.toString(), "--force"),
        err.toString());
  }

  @Test
  void architectureOptionsOverrideThePresetAndAreRecorded() throws Exception {
    Path runDir = temp.resolve("models/custom");
    int code =
        trainWithoutExport(
            runDir,
            "--preset",
            "small",
            "--filters",
            "4,6",
            "--convolutions-per-level",
            "2",
            "--dense",
            "16,8",
            "--epochs",
            "1",
            "--batch-size",
            "32",
            "--threads",
            "1");
    assertEquals(0, code, err.toString());
    JsonNode model =
        new ObjectMapper().readTree(runDir.resolve("settings.json").toFile()).get("model");
    assertEquals("[4,6]", model.get("filters").toString());
    assertEquals(2, model.get("convolutionsPerLevel").asInt());
    assertEquals("[16,8]", model.get("denseWidths").toString());
  }

  @Test
  void levelsThatDoNotDivideTheImageAreAUsageError() {
    int code = trainWithoutExport(temp.resolve("m"), "--filters", "4,4,4,4");
    assertEquals(2, code, err.toString());
    assertTrue(err.toString().contains("image size 28x28 does not divide by 8"), err.toString());
  }

  @Test
  void learningRateScheduleIsRecordedAndMayChangeOnlyForEpochsNotYetTrained() throws Exception {
    Path runDir = temp.resolve("models/schedule");
    assertEquals(
        0,
        trainWithoutExport(
            runDir,
            "--filters",
            "4,4",
            "--dense",
            "8",
            "--epochs",
            "1",
            "--learning-rate-from",
            "3=1e-4"),
        err.toString());
    assertEquals("{\"3\":1.0E-4}", learningRateFrom(runDir));

    assertEquals(
        0,
        trainWithoutExport(runDir, "--resume", "--epochs", "2", "--learning-rate-from", "2=5e-4"),
        err.toString());
    assertEquals("{\"2\":5.0E-4,\"3\":1.0E-4}", learningRateFrom(runDir));

    assertEquals(
        1,
        trainWithoutExport(runDir, "--resume", "--epochs", "3", "--learning-rate-from", "2=1e-3"));
    assertTrue(err.toString().contains("epochs not yet trained"), err.toString());
    assertEquals("{\"2\":5.0E-4,\"3\":1.0E-4}", learningRateFrom(runDir));
  }

  @Test
  void resumeWithoutDataOptionsContinuesOnTheRunsOwnData() throws Exception {
    Path runDir = temp.resolve("models/resumed");
    assertEquals(
        0,
        trainWithoutExport(runDir, "--filters", "4,4", "--dense", "8", "--epochs", "1"),
        err.toString());

    String[] resume = {"train", "--run", runDir.toString(), "--no-export", "--resume"};
    assertEquals(0, run(concat(resume, "--epochs", "2")), err.toString());
    JsonNode settings = new ObjectMapper().readTree(runDir.resolve("settings.json").toFile());
    assertEquals(2, settings.get("epochs").asInt());
    assertEquals(64, settings.get("limit").asInt());
    assertEquals(3, Files.readAllLines(runDir.resolve("metrics.csv")).size());

    assertEquals(2, run(concat(resume, "--epochs", "3", "--beta", "2")));
    assertTrue(
        err.toString().contains("--beta applies only to --model vae or vtsne, not conv"),
        err.toString());
    assertEquals(1, run(concat(resume, "--epochs", "3", "--data", "mnist", "--pool-size", "1000")));
    assertTrue(err.toString().contains("pass the same data options"), err.toString());
    assertEquals(3, Files.readAllLines(runDir.resolve("metrics.csv")).size());

    // Settings a resume cannot change are refused by name when they differ, accepted when equal.
    assertEquals(
        2,
        run(
            concat(
                resume, "--epochs", "3", "--seed", "5", "--batch-size", "64", "--dense", "16,8")));
    assertTrue(
        err.toString()
            .contains(
                "--seed 5 (the run has 0), --dense 16,8 (the run has 8): a resumed run keeps the"
                    + " settings it was trained with; leave them out, or train a new --run"),
        err.toString());
    assertEquals(3, Files.readAllLines(runDir.resolve("metrics.csv")).size());
    assertEquals(
        0, run(concat(resume, "--epochs", "3", "--seed", "0", "--filters", "4,4")), err.toString());
    assertEquals(4, Files.readAllLines(runDir.resolve("metrics.csv")).size());
  }

  @Test
  void trainingWithoutDataIsAUsageError() {
    int code = run("train", "--run", temp.resolve("m").toString(), "--epochs", "1");
    assertEquals(2, code, err.toString());
    assertTrue(err.toString().contains("--data is required"), err.toString());
  }

  private static String[] concat(String[] head, String... tail) {
    List<String> all = new ArrayList<>(List.of(head));
    all.addAll(List.of(tail));
    return all.toArray(String[]::new);
  }

  @Test
  void learningRateChangeAtTheFirstEpochIsAUsageError() {
    int code = trainWithoutExport(temp.resolve("m"), "--learning-rate-from", "1=1e-4");
    assertEquals(2, code, err.toString());
    assertTrue(err.toString().contains("epoch 2 or later"), err.toString());
  }

  private static String learningRateFrom(Path runDir) throws Exception {
    return new ObjectMapper()
        .readTree(runDir.resolve("settings.json").toFile())
        .get("learningRateFrom")
        .toString();
  }
}
