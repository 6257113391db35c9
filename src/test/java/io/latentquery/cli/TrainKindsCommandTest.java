package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.UsesTestData;
import io.latentquery.files.Json;
import io.latentquery.model.ModelKind;
import io.latentquery.model.loss.TsneSettings;
import io.latentquery.model.loss.VariationalSettings;
import io.latentquery.train.RunFolder;
import io.latentquery.train.TrainSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code lq train --model vae|tsne|vtsne}: option checks before any data is read, settings and
 * resume.
 */
@ExtendWith(UsesTestData.class)
class TrainKindsCommandTest {
  @TempDir Path temp;

  private CliRunner.Result train(String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "train",
                "--data",
                "mnist",
                "--limit",
                "64",
                "--preset",
                "small",
                "--threads",
                "1",
                "--run",
                temp.resolve("m").toString(),
                "--no-export"));
    args.addAll(List.of(options));
    return CliRunner.run(args.toArray(String[]::new));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--model vae --beta -1 | --beta must be >= 0, got -1",
        "--model vtsne --beta -0.5 | --beta must be >= 0, got -0.5",
        "--model tsne --tsne-weight -1 | --tsne-weight must be >= 0, got -1",
        "--model tsne --perplexity 1 | --perplexity must be > 1, got 1",
        "--model vtsne --perplexity 64 --batch-size 64 | --perplexity 64 must be smaller than the batch size 64",
        "--model tsne --batch-size 20 | --perplexity 30 must be smaller than the batch size 20",
        "--model tsne --batch-size 2 --perplexity 1.5 | --batch-size must be >= 3, got 2",
        "--model tsne --dof 0 | --dof must be > 0, got 0",
        "--model conv --beta 2 | --beta applies only to --model vae or vtsne, not conv",
        "--model vae --perplexity 10 | --perplexity applies only to --model tsne or vtsne, not vae",
        "--model conv --tsne-weight 1 | --tsne-weight applies only to --model tsne or vtsne, not conv",
        "--model umap | --model must be one of conv, vae, tsne, vtsne, got 'umap'",
        "--batch-size 0 | --batch-size must be >= 1, got 0",
        "--epochs 0 | --epochs must be >= 1, got 0",
        "--learning-rate -1 | --learning-rate must be a positive number, got -1.0",
        "--learning-rate-from 1=1e-4 | --learning-rate-from must start at epoch 2 or later",
        "--dense 16,0 | --dense must all be >= 1, got [16, 0]",
        "--convolutions-per-level 0 | --convolutions-per-level must be >= 1, got 0",
        "--dropout 1 | --dropout must be in [0,1), got 1.0",
        "--pool-size 0 | --pool-size must be >= 1, got 0",
        "--channels 2 | --channels must be 1 (grayscale) or 3 (RGB), got 2",
        "--resize 28by28 | Invalid value for option '--resize': image size must look like 28x28",
      })
  void badOptionsAreUsageErrorsNamingTheFlag(String options, String message) {
    CliRunner.Result result = train(options.trim().split(" "));
    assertEquals(2, result.exitCode(), result.err());
    assertTrue(result.errorLines().get(0).startsWith("lq: usage error: " + message), result.err());
    assertTrue(Files.notExists(temp.resolve("m")), "nothing written");
  }

  @Test
  void kindSettingsAreRecordedAndKeptOnResume() throws Exception {
    CliRunner.Result first =
        train(
            "--model",
            "vtsne",
            "--epochs",
            "1",
            "--batch-size",
            "32",
            "--beta",
            "2",
            "--perplexity",
            "10",
            "--tsne-weight",
            "0.5");
    assertEquals(0, first.exitCode(), first.err());
    RunFolder run = new RunFolder(temp.resolve("m"));
    TrainSettings stored = run.readSettings();
    assertEquals(ModelKind.VTSNE, stored.model().kind());
    assertEquals(new VariationalSettings(2), stored.model().variational());
    assertEquals(
        new TsneSettings(10, TsneSettings.DEFAULT_DEGREES_OF_FREEDOM, 0.5), stored.model().tsne());
    assertEquals(stored, Json.read(run.settings(), TrainSettings.class));

    CliRunner.Result changedBeta = train("--resume", "--epochs", "2", "--beta", "3");
    assertEquals(1, changedBeta.exitCode(), changedBeta.err());
    assertTrue(changedBeta.err().contains("cannot resume"), changedBeta.err());
    assertEquals(stored, run.readSettings(), "a refused resume leaves settings.json");

    // The loss options are checked against the run's kind (vtsne), not the default --model conv.
    CliRunner.Result resumed =
        train("--resume", "--epochs", "2", "--beta", "2", "--perplexity", "10");
    assertEquals(0, resumed.exitCode(), resumed.err());
    TrainSettings after = run.readSettings();
    assertEquals(stored.toBuilder().epochs(2).build(), after);
    List<String> metrics = Files.readAllLines(run.metrics());
    assertEquals(3, metrics.size(), String.join("\n", metrics));
    assertEquals(
        "epoch,train_loss,reconstruction,kl,tsne,validation_loss,seconds,images_per_second",
        metrics.get(0));
  }
}
