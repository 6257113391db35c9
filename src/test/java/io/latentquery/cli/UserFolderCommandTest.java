package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentquery.data.PngFolders;
import io.latentquery.files.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's own image folder, split by sub-folders or by fraction, through train and evaluate. */
class UserFolderCommandTest {
  @TempDir Path dir;

  private Path splitFolder() {
    Path folder = dir.resolve("bands");
    for (String part : new String[] {"train", "val", "test"}) {
      int count = part.equals("train") ? 24 : 6;
      PngFolders.write(folder.resolve(part + "/low"), 0, 2, count, 28);
      PngFolders.write(folder.resolve(part + "/high"), 1, 2, count, 28);
    }
    return folder;
  }

  @Test
  void trainingOnASplitFolderShowsAValidationLoss() {
    Path folder = splitFolder();
    CliRun run =
        CliRun.of(
            "train",
            "--data",
            folder.toString(),
            "--preset",
            "small",
            "--epochs",
            "1",
            "--batch-size",
            "16",
            "--threads",
            "1",
            "--run",
            dir.resolve("models/bands").toString(),
            "--no-export");
    assertEquals(0, run.code(), run.err());
    Matcher loss = Pattern.compile("validation loss (\\S+)").matcher(run.out());
    assertTrue(loss.find(), run.out());
    double value = Double.parseDouble(loss.group(1));
    assertTrue(value > 0 && value < 1, run.out());
  }

  @Test
  void aRunExportedElsewhereIsFoundByEveryCommandTakingRun() throws Exception {
    Path folder = splitFolder();
    Path run = dir.resolve("models/bands");
    Path export = dir.resolve("elsewhere/bands-export");
    CliRun train =
        CliRun.of(
            "train",
            "--data",
            folder.toString(),
            "--limit",
            "16",
            "--preset",
            "small",
            "--epochs",
            "1",
            "--batch-size",
            "16",
            "--threads",
            "1",
            "--run",
            run.toString(),
            "--export-to",
            export.toString());
    assertEquals(0, train.code(), train.err());
    assertEquals(
        export.toAbsolutePath().normalize().toString(),
        Json.readTree(run.resolve("export.json")).path("folder").asText());

    // lq export without --out writes to the recorded folder, so it refuses to replace it.
    CliRun again = CliRun.of("export", "--run", run.toString());
    assertEquals(1, again.code(), again.err());
    assertTrue(again.errorLine().contains(export.toString()), again.err());

    Path report = dir.resolve("report");
    CliRun shown =
        CliRun.of("report", "--run", run.toString(), "--threads", "1", "--out", report.toString());
    assertEquals(0, shown.code(), shown.err());
    assertTrue(Files.isRegularFile(report.resolve("index.html")));

    // lq explore --run encodes the run's own pool (its --limit 16) with the recorded export.
    Path page = dir.resolve("explore.html");
    CliRun explored =
        CliRun.of("explore", "--run", run.toString(), "--threads", "1", "--out", page.toString());
    assertEquals(0, explored.code(), explored.err());
    assertTrue(explored.out().contains("explorer of 16 of 16 pool examples"), explored.out());
    assertTrue(Files.readString(page).contains("train/high/000.png"));
  }

  @Test
  void evaluateTestsOnTheFoldersTestSplit() {
    Path folder = splitFolder();
    Path out = dir.resolve("random.evaluation.json");
    CliRun run =
        CliRun.of(
            "evaluate",
            "--data",
            folder.toString(),
            "--random",
            "8",
            "--steps",
            "60",
            "--threads",
            "1",
            "--seed",
            "3",
            "--out",
            out.toString());
    assertEquals(0, run.code(), run.err());
    JsonNode report = Json.readTree(out);
    assertEquals(12, report.at("/result/testSize").asInt());
    // The classes differ by a bright band: eight labeled examples are enough to tell them apart.
    assertTrue(report.at("/result/accuracy").asDouble() >= 0.9, report.toString());
  }

  @Test
  void fractionSplitIsKeptForTheNextCommand() throws Exception {
    Path folder = dir.resolve("flat");
    PngFolders.write(folder.resolve("low"), 0, 2, 20, 28);
    PngFolders.write(folder.resolve("high"), 1, 2, 20, 28);
    Path out = dir.resolve("e.json");
    CliRun first =
        CliRun.of(
            "evaluate",
            "--data",
            folder.toString(),
            "--validation-split",
            "0.1",
            "--test-split",
            "0.25",
            "--random",
            "4",
            "--steps",
            "1",
            "--threads",
            "1",
            "--out",
            out.toString());
    assertEquals(0, first.code(), first.err());
    assertEquals(10, Json.readTree(out).at("/result/testSize").asInt());
    assertTrue(Files.isRegularFile(folder.resolve("dataset.json")));

    CliRun other =
        CliRun.of(
            "evaluate",
            "--data",
            folder.toString(),
            "--test-split",
            "0.5",
            "--random",
            "4",
            "--out",
            out.toString());
    assertEquals(1, other.code(), other.err());
    assertTrue(other.errorLine().contains("keeps the split"), other.err());

    CliRun seedAlone =
        CliRun.of("evaluate", "--data", folder.toString(), "--split-seed", "2", "--random", "4");
    assertEquals(2, seedAlone.code(), seedAlone.err());
    assertTrue(
        seedAlone.err().contains("--split-seed needs --validation-split or --test-split"),
        seedAlone.err());
  }

  @Test
  void anImportedFolderWorksAsData() {
    Path folder = dir.resolve("digits");
    PngFolders.write(folder.resolve("low"), 0, 2, 12, 28);
    PngFolders.write(folder.resolve("high"), 1, 2, 12, 28);
    Path imported = dir.resolve("digits-idx");
    CliRun made =
        CliRun.of(
            "data",
            "import",
            folder.toString(),
            "--test-split",
            "0.25",
            "--out",
            imported.toString());
    assertEquals(0, made.code(), made.err());
    assertTrue(
        made.out().contains("pool 18, validation 0, test 6, classes [high, low]"), made.out());
    Path out = dir.resolve("e.json");
    CliRun evaluated =
        CliRun.of(
            "evaluate",
            "--data",
            imported.toString(),
            "--random",
            "4",
            "--steps",
            "1",
            "--threads",
            "1",
            "--out",
            out.toString());
    assertEquals(0, evaluated.code(), evaluated.err());
    assertEquals(6, Json.readTree(out).at("/result/testSize").asInt());

    CliRun first =
        CliRun.of("data", "import", folder.toString(), "--out", dir.resolve("x").toString());
    assertEquals(0, first.code(), first.err());
    CliRun again =
        CliRun.of("data", "import", folder.toString(), "--out", dir.resolve("x").toString());
    assertEquals(1, again.code());
    assertTrue(again.errorLine().endsWith("exists; use --force to replace it"), again.err());
  }
}
