package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.TestData;
import io.latentquery.files.AtomicFiles;
import io.latentquery.files.Json;
import io.latentquery.inference.TinySavedModels;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lq report} end to end on a tiny run: a hand-written run folder (settings.json,
 * provenance.json, metrics.csv), raw-TensorFlow SavedModels in the export layout, real MNIST, two
 * selections made by {@code lq sample} and evaluation files in both formats.
 */
class ReportCommandTest {
  private static final int POOL = 200;
  private static final Pattern LINK = Pattern.compile("(?:src|href)\\s*=\\s*\"([^\"]*)\"");

  @TempDir static Path project;
  @TempDir Path dir;

  static Path run;
  static Path export;
  static Path selection;
  static Path randomSelection;
  static Path evaluations;

  @BeforeAll
  static void makeRunExportAndSelections() throws IOException {
    System.setProperty("lq.data.dir", TestData.dataDir().toString());
    run = project.resolve("models/tiny");
    Files.createDirectories(run);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("dataset", "mnist");
    data.put("poolSize", null);
    data.put("validationSize", null);
    data.put("folderOptions", Map.of("channels", 1));
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("model", Map.of("kind", "ae", "latentDim", 2, "preset", "tiny"));
    settings.put("data", data);
    settings.put("limit", POOL);
    settings.put("epochs", 3);
    settings.put("batchSize", 32);
    settings.put("seed", 7);
    settings.put("learningRate", 0.001);
    settings.put("threads", 1);
    Json.write(run.resolve("settings.json"), settings);
    Json.write(
        run.resolve("provenance.json"),
        Map.of("command", "train", "seed", 7, "versions", Map.of("java", "17")));
    AtomicFiles.writeString(
        run.resolve("metrics.csv"),
        String.join(
            "\n",
            "epoch,train_loss,reconstruction,validation_loss,seconds,images_per_second",
            "1,0.30,0.30,0.31,1.5,133.3",
            "2,0.22,0.22,0.24,1.4,142.8",
            "3,0.19,0.19,0.21,1.4,142.8",
            ""));

    export = project.resolve("savedmodels/tiny");
    TinySavedModels.linearEncoder(
        export.resolve("encoder"), 28, 28, 1, TinySavedModels.matrix(784, 2));
    TinySavedModels.linearDecoder(
        export.resolve("decoder"), 28, 28, 1, TinySavedModels.matrix(2, 784));
    TinySavedModels.scalingAutoencoder(export.resolve("autoencoder"), 28, 28, 1, 0.5f, true);

    selection = project.resolve("selections/normal-cluster.csv");
    randomSelection = project.resolve("selections/random.csv");
    Files.createDirectories(selection.getParent());
    sample(selection, "--strategy", "normal-cluster", "--clusters", "3");
    sample(randomSelection, "--strategy", "random");

    evaluations = project.resolve("evaluations");
    Files.createDirectories(evaluations);
    Json.write(
        evaluations.resolve("normal-cluster.evaluation.json"),
        Map.of(
            "data",
            "mnist",
            "selection",
            selection.toString(),
            "result",
            Map.of("budget", 12, "accuracy", 0.61)));
    Json.write(
        evaluations.resolve("random-12-seed-1.evaluation.json"),
        Map.of(
            "data", "mnist", "randomSize", 12, "result", Map.of("budget", 12, "accuracy", 0.52)));
    Json.write(
        evaluations.resolve("random-12-seed-2.evaluation.json"),
        Map.of(
            "data", "mnist", "randomSize", 12, "result", Map.of("budget", 12, "accuracy", 0.48)));
  }

  private static void sample(Path out, String... strategy) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "sample",
                "--n",
                "12",
                "--seed",
                "3",
                "--encoder",
                export.resolve("encoder").toString(),
                "--data",
                "mnist",
                "--limit",
                Integer.toString(POOL),
                "--threads",
                "1",
                "--out",
                out.toString()));
    args.addAll(List.of(strategy));
    CliRun sample = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, sample.code(), sample.err());
  }

  private CliRun report(Path out, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "report",
                "--run",
                run.toString(),
                "--models",
                export.toString(),
                "--threads",
                "1",
                "--out",
                out.toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void writesAFolderWhoseEveryReferenceExistsAndEveryPictureDecodes() throws IOException {
    Path out = dir.resolve("reports/tiny");
    CliRun run =
        report(
            out,
            "--selection",
            selection.toString(),
            randomSelection.toString(),
            "--evaluation",
            evaluations.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(
        run.out()
            .contains(
                "200 pool examples of mnist/pool[:200], L = 2, 2 selection(s), 2 evaluation result(s)"),
        run.out());

    String html = Files.readString(out.resolve("index.html"));
    Matcher links = LINK.matcher(html);
    Set<String> files = new TreeSet<>();
    int pictures = 0;
    while (links.find()) {
      String link = links.group(1);
      if (link.startsWith("#")) {
        continue;
      }
      assertFalse(link.contains(":") || link.startsWith("/"), "relative link " + link);
      Path target = out.resolve(link).normalize();
      assertTrue(
          target.startsWith(out) && Files.isRegularFile(target), link + " exists in the report");
      files.add(link);
      if (link.endsWith(".png")) {
        BufferedImage image = ImageIO.read(target.toFile());
        assertNotNull(image, link + " decodes as PNG");
        assertTrue(image.getWidth() > 0 && image.getHeight() > 0, link);
        pictures++;
      }
    }
    for (String expected :
        List.of(
            "figures/training-loss.png",
            "figures/encodings-latent.png",
            "figures/reconstructions.png",
            "figures/manifold.png",
            "figures/hard-examples.png",
            "figures/selection-latent.png",
            "figures/selection-classes.png",
            "figures/selection-decoded.png",
            "figures/selection-2-latent.png",
            "figures/selection-2-decoded.png",
            "figures/evaluation.png",
            "thumbs/selection-rank-00001.png",
            "thumbs/selection-2-rank-00012.png",
            "files/model/settings.json",
            "files/model/metrics.csv",
            "files/model/provenance.json",
            "files/selection/selection.csv",
            "files/selection/selection.json",
            "files/selection-2/selection.csv",
            "projector/tensors.tsv")) {
      assertTrue(files.contains(expected), expected + " is referenced; got " + files);
    }
    assertTrue(pictures >= 20 + 24, "figures and 24 thumbnails, got " + pictures);
    assertTrue(
        html.contains("hold no draws"), "decoded selection codes are not passed off as draws");
    assertTrue(html.contains("Selection: normal-cluster") && html.contains("Selection: random"));
    assertTrue(
        html.contains("0.5000 \u00b1 0.0283"), "random: mean and sample std of 0.52 and 0.48");
    assertTrue(
        html.contains("0.6100 \u00b1 0.0000"),
        "the normal-cluster strategy is read from its selection.json");
    assertFalse(html.contains("<script"));
  }

  @Test
  void refusesToReplaceAReportWithoutForce() throws IOException {
    Path out = dir.resolve("r");
    Files.createDirectories(out);
    Files.writeString(out.resolve("keep.txt"), "mine");
    CliRun refused = report(out);
    assertEquals(1, refused.code());
    assertEquals("lq: " + out + " exists; use --force to replace it", refused.errorLine());
    assertTrue(Files.exists(out.resolve("keep.txt")));
    CliRun forced = report(out, "--force", "--limit", "50");
    assertEquals(0, forced.code(), forced.err());
    assertFalse(Files.exists(out.resolve("keep.txt")), "replaced as a whole");
    assertTrue(forced.out().contains("50 pool examples"), forced.out());
  }

  @Test
  void namesAMissingRunOrSavedModelInOneLine() throws IOException {
    CliRun noRun =
        CliRun.of(
            "report",
            "--run",
            dir.resolve("models/none").toString(),
            "--out",
            dir.resolve("r").toString());
    assertEquals(1, noRun.code());
    assertEquals("lq: missing run folder: " + dir.resolve("models/none"), noRun.errorLine());

    CliRun noExport =
        CliRun.of(
            "report",
            "--run",
            run.toString(),
            "--models",
            dir.resolve("nothing").toString(),
            "--out",
            dir.resolve("r").toString());
    assertEquals(1, noExport.code());
    assertEquals(
        "lq: missing SavedModel folder: "
            + dir.resolve("nothing")
            + " (export the run with 'lq export', or give --models)",
        noExport.errorLine());

    Path partial = dir.resolve("partial");
    TinySavedModels.linearEncoder(
        partial.resolve("encoder"), 28, 28, 1, TinySavedModels.matrix(784, 2));
    CliRun noDecoder =
        CliRun.of(
            "report",
            "--run",
            run.toString(),
            "--models",
            partial.toString(),
            "--out",
            dir.resolve("r").toString());
    assertEquals(1, noDecoder.code());
    assertEquals(
        "lq: missing SavedModel: "
            + partial.resolve("decoder")
            + " (an export holds encoder/, decoder/ and autoencoder/)",
        noDecoder.errorLine());
    assertFalse(Files.exists(dir.resolve("r")));
  }

  @Test
  void refusedOptionsNameTheFlag() {
    CliRun batch = report(dir.resolve("r"), "--batch-size", "0");
    assertEquals(2, batch.code(), batch.err());
    assertEquals("lq: usage error: --batch-size must be >= 1, got 0", batch.errorLine());
    CliRun limit = report(dir.resolve("r"), "--limit", "0");
    assertEquals(2, limit.code(), limit.err());
    assertEquals("lq: usage error: --limit must be >= 1, got 0", limit.errorLine());
    assertFalse(Files.exists(dir.resolve("r")));
  }

  @Test
  void refusesASelectionFromAnotherPool() {
    CliRun run = report(dir.resolve("r"), "--limit", "100", "--selection", selection.toString());
    assertEquals(1, run.code());
    assertTrue(
        run.errorLine()
            .matches(
                "lq: .*normal-cluster.csv rank \\d+ has pool index \\d+, outside the 100 examples of "
                    + "mnist/pool\\[:100\\]: was it drawn from another pool \\(--data, --limit\\)\\?"),
        run.errorLine());
  }
}
