package io.latentquery.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.InputException;
import io.latentquery.contract.Metrics;
import io.latentquery.contract.MetricsCsv;
import io.latentquery.contract.SelectionCsv;
import io.latentquery.contract.SelectionTable;
import io.latentquery.data.ImageShape;
import io.latentquery.files.Json;
import io.latentquery.sampling.Points;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportBuilderTest {
  @TempDir Path dir;
  private static final ImageShape SHAPE = new ImageShape(8, 8, 1);
  private static final String EVIL = "<script>alert('x')</script>";

  /** Image i: a bright square whose position depends on i. */
  private static float[] image(int i) {
    float[] pixels = new float[SHAPE.size()];
    int row = i % 6;
    int col = (i / 6) % 6;
    for (int y = row; y < row + 3; y++) {
      for (int x = col; x < col + 3; x++) {
        pixels[y * 8 + x] = 1f;
      }
    }
    return pixels;
  }

  private static ImageBatch batch(int from, int count) {
    float[] pixels = new float[count * SHAPE.size()];
    for (int k = 0; k < count; k++) {
      System.arraycopy(image(from + k), 0, pixels, k * SHAPE.size(), SHAPE.size());
    }
    return new ImageBatch(pixels, count, SHAPE);
  }

  private Path modelFolder(Path folder) throws Exception {
    Files.createDirectories(folder);
    Json.write(
        folder.resolve("settings.json"),
        Map.of("latentDim", 3, "model", Map.of("kind", "vae", "note", EVIL)));
    Json.write(
        folder.resolve("provenance.json"),
        Map.of("command", "train", "seed", 7, "versions", Map.of("java", "17")));
    MetricsCsv.write(
        folder.resolve("metrics.csv"),
        new Metrics(
            List.of("reconstruction", "kl"),
            List.of(
                new Metrics.Epoch(1, 0.5, new double[] {0.4, 0.1}, 0.55, 2, 1000),
                new Metrics.Epoch(2, 0.3, new double[] {0.25, 0.05}, 0.35, 2, 1000))));
    return folder;
  }

  private Path[] selectionFiles(Points pool) throws Exception {
    List<SelectionTable.Row> rows = new ArrayList<>();
    int[] picked = {5, 17, 42, 99, 150, 3};
    for (int r = 0; r < picked.length; r++) {
      String id = r == 0 ? EVIL : "example-" + picked[r];
      rows.add(
          new SelectionTable.Row(
              r + 1,
              picked[r],
              id,
              r == 1 ? "" : PlotsTest.NAMES.get(picked[r] % 3),
              pool.point(picked[r]),
              r % 3,
              0.1 * r));
    }
    Path csv = dir.resolve("in/selection.csv");
    SelectionCsv.write(csv, new SelectionTable(3, rows));
    Path json = dir.resolve("in/selection.json");
    Json.write(
        json,
        Map.of(
            "strategy",
            "normal-cluster",
            "seed",
            11,
            "parameters",
            Map.of("clusters", 3),
            "counts",
            Map.of("pool", pool.count(), "selected", picked.length)));
    return new Path[] {csv, json};
  }

  private ReportBuilder fullReport() throws Exception {
    int n = 200;
    Points pool = PlotsTest.blobs(n, 3, 9);
    int[] labels = PlotsTest.labels(n);
    List<String> names = List.of("zero", EVIL, "two");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add("example-" + i);
    }
    Path[] selection = selectionFiles(pool);
    LatentGrid grid = LatentGrid.spanning(pool, 4);
    double[] errors = new double[n];
    for (int i = 0; i < n; i++) {
      errors[i] = (i * 37 % 101) / 100.0;
    }
    int[] hardest = ImageFigures.hardest(errors, 8);
    double[] hardErrors = java.util.Arrays.stream(hardest).mapToDouble(i -> errors[i]).toArray();
    return ReportBuilder.titled("Report for " + EVIL)
        .note("Built from savedmodels/" + EVIL)
        .encodings(pool, new ClassLabels(labels, names), ids)
        .poolImages(ImageSource.of(SHAPE, ReportBuilderTest::image))
        .modelFolder(modelFolder(dir.resolve("in/model")))
        .selectionFiles(selection[0], selection[1])
        .reconstructions(batch(0, 12), batch(1, 12))
        .manifold(grid, batch(0, grid.count()))
        .decodedDraws(batch(20, 10))
        .hardExamples(
            hardest,
            hardErrors,
            ImageBatch.gather(ImageSource.of(SHAPE, ReportBuilderTest::image), hardest))
        .evaluation(
            List.of(
                new EvaluationResult("random", 10, "", 0.4, 0.05),
                new EvaluationResult(EVIL, 10, "", 0.5, 0.04)),
            "accuracy");
  }

  private static final Pattern LINK = Pattern.compile("(?:src|href)\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern ID = Pattern.compile("id\\s*=\\s*\"([^\"]*)\"");

  @Test
  void everyLinkResolvesInsideTheFolderAndTextIsEscaped() throws Exception {
    Path target = dir.resolve("out/report");
    fullReport().write(target, false);
    String html = Files.readString(target.resolve("index.html"));

    Set<String> anchors = new TreeSet<>();
    Matcher ids = ID.matcher(html);
    while (ids.find()) {
      anchors.add(ids.group(1));
    }
    Matcher links = LINK.matcher(html);
    int files = 0;
    while (links.find()) {
      String link = links.group(1);
      assertFalse(
          link.contains("://") || link.startsWith("//") || link.startsWith("/"),
          "external or absolute link " + link);
      if (link.startsWith("#")) {
        assertTrue(anchors.contains(link.substring(1)), "anchor " + link + " has a target");
        continue;
      }
      Path resolved = target.resolve(link).normalize();
      assertTrue(resolved.startsWith(target), link + " stays in the folder");
      assertTrue(Files.isRegularFile(resolved), link + " exists");
      files++;
    }
    assertTrue(
        files >= 20,
        "figures, thumbnails, attachments and projector files are linked, got " + files);

    assertFalse(html.contains("<script"), "no script element, and user text cannot inject one");
    assertTrue(
        html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        "the malicious id is shown escaped");
    for (String section :
        List.of(
            "overview",
            "training",
            "encodings",
            "selection",
            "reconstructions",
            "manifold",
            "draws",
            "hard-examples",
            "evaluation",
            "settings",
            "provenance",
            "projector",
            "files")) {
      assertTrue(anchors.contains(section), "section " + section);
    }
    assertTrue(html.contains("model.kind"), "settings are flattened into a table");

    for (String figure :
        List.of(
            "encodings-latent",
            "encodings-pca",
            "selection-latent",
            "selection-pca",
            "selection-classes",
            "training-loss",
            "training-terms",
            "evaluation",
            "hard-examples-pca")) {
      PictureAssertions.readPng(target.resolve("figures/" + figure + ".png"), 800, 600);
    }
    assertEquals(6, Files.list(target.resolve("thumbs")).count(), "one thumbnail per listed query");
    assertEquals(
        Files.readString(dir.resolve("in/selection.csv")),
        Files.readString(target.resolve("files/selection/selection.csv")));
    assertEquals(201, Files.readAllLines(target.resolve("projector/metadata.tsv")).size());
    assertEquals(200, Files.readAllLines(target.resolve("projector/tensors.tsv")).size());
    try (var listing = Files.list(target.getParent())) {
      assertEquals(
          List.of(target), listing.toList(), "no temporary folders left beside the report");
    }
  }

  @Test
  void anExistingReportIsReplacedOnlyWhenAsked() throws Exception {
    Path target = dir.resolve("report");
    ReportBuilder small =
        ReportBuilder.titled("small").encodings(PlotsTest.blobs(20, 2, 1), ClassLabels.NONE, null);
    small.write(target, false);
    UncheckedIOException e =
        assertThrows(UncheckedIOException.class, () -> small.write(target, false));
    assertTrue(e.getCause() instanceof FileAlreadyExistsException);
    Files.writeString(target.resolve("stale.txt"), "old");
    small.write(target, true);
    assertFalse(Files.exists(target.resolve("stale.txt")), "the old folder is replaced as a whole");
    assertTrue(Files.isRegularFile(target.resolve("index.html")));
    assertTrue(Files.isRegularFile(target.resolve("figures/encodings-latent.png")));
    assertFalse(
        Files.exists(target.resolve("figures/encodings-pca.png")),
        "no PCA plot for a 2-D latent space");
  }

  @Test
  void aSelectionFromAnotherPoolIsRefused() throws Exception {
    Points pool = PlotsTest.blobs(200, 3, 9);
    Path[] selection = selectionFiles(pool);
    ReportBuilder builder =
        ReportBuilder.titled("mismatch")
            .encodings(PlotsTest.blobs(100, 3, 1), ClassLabels.NONE, null)
            .selectionFiles(selection[0], selection[1]);
    InputException e =
        assertThrows(InputException.class, () -> builder.write(dir.resolve("r"), false));
    assertEquals(
        "selection rank 5 has pool index 150, outside the 100 encodings: was it drawn from another pool?",
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("r")), "nothing written");
  }

  @Test
  void attachmentNamesAreChecked() throws Exception {
    Path file = Files.writeString(dir.resolve("x.csv"), "a\n");
    ReportBuilder builder = ReportBuilder.titled("t");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> builder.attach("../x.csv", file));
    assertEquals("attachment name must be a plain file name, got '../x.csv'", e.getMessage());
    InputException missing =
        assertThrows(InputException.class, () -> builder.attach("y.csv", dir.resolve("y.csv")));
    assertEquals("missing file: " + dir.resolve("y.csv"), missing.getMessage());
  }
}
