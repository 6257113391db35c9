package io.latentquery.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentquery.contract.Metrics;
import io.latentquery.contract.SelectionTable;
import io.latentquery.files.AtomicFiles;
import io.latentquery.sampling.Points;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the files of one report into a (temporary) folder; {@link ReportBuilder#write} moves it
 * into place.
 */
final class ReportWriter {
  static final String INDEX = "index.html";
  static final String FIGURES = "figures";
  static final String THUMBS = "thumbs";
  static final String FILES = "files";
  static final String PROJECTOR = "projector";
  private static final int TILE_PIXELS = 56;

  private final ReportBuilder in;
  private final Path folder;
  private final Html body = new Html();
  private final List<String[]> contents = new ArrayList<>();
  private List<Projection2D> projections = List.of();

  ReportWriter(ReportBuilder in, Path folder) {
    this.in = in;
    this.folder = folder;
  }

  void write() throws IOException {
    if (in.encodings != null) {
      projections =
          in.encodings.dim() > 2
              ? List.of(Projections.firstTwo(in.encodings), Projections.pca(in.encodings))
              : List.of(Projections.firstTwo(in.encodings));
    }
    overview();
    training();
    encodings();
    selections();
    reconstructions();
    manifold();
    draws();
    hardExamples();
    evaluation();
    jsonSection("settings", "Settings", in.settings);
    jsonSection("provenance", "Provenance", in.provenance);
    projector();
    files();
    AtomicFiles.writeString(folder.resolve(INDEX), page());
  }

  private void section(String id, String heading) {
    contents.add(new String[] {id, heading});
    body.heading(2, id, heading);
  }

  private String figure(String name, BufferedImage image, String caption) {
    String relative = FIGURES + "/" + name + ".png";
    PngFiles.write(folder.resolve(relative), image);
    body.figure(relative, caption);
    return relative;
  }

  private void overview() {
    List<List<Html.Cell>> rows = new ArrayList<>();
    if (in.encodings != null) {
      rows.add(row("pool", Charts.count(in.encodings.count()) + " encoded examples"));
      rows.add(row("latent dimensions", Integer.toString(in.encodings.dim())));
      rows.add(
          row(
              "classes",
              in.classes.known()
                  ? in.classes.classCount() + " known (" + String.join(", ", classNames()) + ")"
                  : "unknown (unlabeled pool)"));
    }
    for (ReportBuilder.SelectionPart part : in.selections) {
      rows.add(
          row(
              "selection " + part.name(),
              Charts.count(part.table().size())
                  + " queries"
                  + (part.summary() == null ? "" : ", strategy " + part.summary().strategy())));
    }
    if (in.metrics != null && !in.metrics.epochs().isEmpty()) {
      Metrics.Epoch last = in.metrics.epochs().get(in.metrics.epochs().size() - 1);
      rows.add(
          row(
              "training",
              in.metrics.epochs().size()
                  + " epochs, final train loss "
                  + number(last.trainLoss())
                  + ", validation loss "
                  + number(last.validationLoss())));
    }
    rows.add(row("generated", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
    section("overview", "Overview");
    for (String note : in.notes) {
      body.paragraph(note);
    }
    body.table(List.of("", ""), rows, "facts");
  }

  private List<String> classNames() {
    List<String> names = new ArrayList<>();
    for (int c = 0; c < in.classes.classCount(); c++) {
      names.add(in.classes.name(c));
    }
    return names;
  }

  private void training() {
    if (in.metrics == null || in.metrics.epochs().isEmpty()) {
      return;
    }
    section("training", "Training");
    figure(
        "training-loss",
        LinePlots.loss(in.metrics, "Loss per epoch", in.options.plots()),
        "Training and validation loss per epoch.");
    // A single term is the training loss itself, already plotted above.
    if (LinePlots.hasTerms(in.metrics) && in.metrics.lossTerms().size() > 1) {
      figure(
          "training-terms",
          LinePlots.lossTerms(in.metrics, "Loss terms per epoch", in.options.plots()),
          "Each loss term per epoch (" + String.join(", ", in.metrics.lossTerms()) + ").");
    }
    Metrics.Epoch last = in.metrics.epochs().get(in.metrics.epochs().size() - 1);
    body.paragraph(
        String.format(
            Locale.ROOT,
            "Last epoch: %d, %.1f s, %.0f images/s.",
            last.epoch(),
            last.seconds(),
            last.imagesPerSecond()));
  }

  private void encodings() {
    if (in.encodings == null) {
      return;
    }
    section("encodings", "Encodings");
    body.paragraph(
        in.classes.known()
            ? "Each pool example at its encoding, coloured by its known class: well-separated colours mean the "
                + "latent space already groups the classes without labels."
            : "Each pool example at its encoding. The pool is unlabeled, so points are not coloured by class.");
    for (Projection2D p : projections) {
      figure(
          "encodings-" + p.name(),
          ScatterPlots.encodings(p, in.classes, "Encodings, " + describe(p), in.options.plots()),
          "Encodings, " + describe(p) + ".");
    }
  }

  private static String describe(Projection2D p) {
    return p.name().equals("pca") ? "principal components" : p.xLabel() + " against " + p.yLabel();
  }

  private void selections() {
    for (int k = 0; k < in.selections.size(); k++) {
      selection(ReportBuilder.selectionKey(k), in.selections.get(k));
    }
  }

  private void selection(String key, ReportBuilder.SelectionPart part) {
    SelectionTable table = part.table();
    section(key, in.selections.size() == 1 ? "Selection" : "Selection: " + part.name());
    SelectionSummary summary = part.summary();
    if (summary != null) {
      body.paragraph(
          "Strategy "
              + summary.strategy()
              + (summary.seed() == null ? "" : ", seed " + summary.seed())
              + ", "
              + table.size()
              + " queries.");
    }
    int[] indices = table.indices();
    if (in.encodings != null && table.size() > 0) {
      Highlight highlight = new Highlight("selected", indices, table.clusters(), "cluster");
      for (Projection2D p : projections) {
        figure(
            key + "-" + p.name(),
            ScatterPlots.overlay(
                p,
                in.classes,
                in.poolClusters,
                highlight,
                "Selection " + part.name() + ", " + describe(p),
                in.options.plots()),
            "The selected queries (outlined diamonds"
                + (highlight.grouped() ? ", coloured by cluster" : "")
                + ") over the pool, "
                + describe(p)
                + ".");
      }
      if (in.classes.known()) {
        figure(
            key + "-classes",
            BarPlots.classHistogram(
                ClassHistogram.of(in.classes, indices),
                "Classes in pool and selection " + part.name(),
                in.options.plots()),
            "Share of each class in the pool and in the selection.");
      }
    }
    if (summary != null) {
      List<List<Html.Cell>> rows = new ArrayList<>();
      for (String[] kv : JsonTables.flatten(summary.document())) {
        rows.add(row(kv[0], kv[1]));
      }
      body.raw("<details><summary>selection.json</summary>\n");
      body.table(List.of("field", "value"), rows, "json");
      body.raw("</details>\n");
    }
    selectionTable(key, table);
    if (part.decoded() != null && part.decoded().count() > 0) {
      int columns = Math.min(in.options.gridColumns(), part.decoded().count());
      figure(
          key + "-decoded",
          ImageGrid.render(
              part.decoded(),
              new ImageGrid.Style(columns, gridScale(part.decoded().shape(), columns, 800), 2)),
          part.decodedCaption());
    }
  }

  private void selectionTable(String key, SelectionTable table) {
    int shown = Math.min(in.options.tableRows(), table.size());
    if (shown == 0) {
      return;
    }
    body.paragraph(
        shown < table.size()
            ? "The first "
                + shown
                + " of "
                + table.size()
                + " queries, in labeling order (all are in selection.csv)."
            : "All " + shown + " queries, in labeling order.");
    boolean thumbs = in.poolImages != null;
    List<String> header = new ArrayList<>(List.of("rank"));
    if (thumbs) {
      header.add("image");
    }
    header.addAll(List.of("index", "id", "label", "z", "cluster", "draw distance"));
    List<List<Html.Cell>> rows = new ArrayList<>();
    for (SelectionTable.Row r : table.rows().subList(0, shown)) {
      List<Html.Cell> cells = new ArrayList<>();
      cells.add(Html.Cell.number(Integer.toString(r.rank())));
      if (thumbs) {
        String src = THUMBS + String.format(Locale.ROOT, "/%s-rank-%05d.png", key, r.rank());
        PngFiles.write(folder.resolve(src), thumbnail(in.poolImages.image(r.index())));
        cells.add(Html.Cell.image(src, r.id()));
      }
      cells.add(Html.Cell.number(Integer.toString(r.index())));
      cells.add(Html.Cell.text(r.id()));
      String label =
          !r.label().isEmpty()
              ? r.label()
              : in.classes.known() && in.classes.label(r.index()) >= 0
                  ? in.classes.name(in.classes.label(r.index()))
                  : "";
      cells.add(Html.Cell.text(label));
      cells.add(Html.Cell.number(vector(r.z())));
      cells.add(Html.Cell.number(r.cluster() < 0 ? "" : Integer.toString(r.cluster())));
      cells.add(Html.Cell.number(number(r.drawDistance())));
      rows.add(cells);
    }
    body.table(header, rows, "selection");
  }

  private BufferedImage thumbnail(float[] pixels) {
    var shape = in.poolImages.shape();
    return Pixels.toImage(
        pixels, 0, shape, Math.max(1, TILE_PIXELS / Math.max(shape.width(), shape.height())));
  }

  private int gridScale(io.latentquery.data.ImageShape shape, int columns, int widthPixels) {
    return Math.max(1, Math.min(8, widthPixels / (columns * shape.width())));
  }

  private void reconstructions() {
    if (in.originals == null || in.originals.count() == 0) {
      return;
    }
    section("reconstructions", "Reconstructions");
    int columns = Math.min(in.options.gridColumns(), in.originals.count());
    figure(
        "reconstructions",
        ImageFigures.reconstructions(
            in.originals,
            in.reconstructions,
            columns,
            gridScale(in.originals.shape(), columns, 800)),
        "Pool images (odd rows) above the autoencoder's reconstructions of them (even rows).");
  }

  private void manifold() {
    if (in.grid == null) {
      return;
    }
    section("manifold", "Decoded latent space");
    figure(
        "manifold",
        in.grid.render(in.gridImages, gridScale(in.gridImages.shape(), in.grid.size(), 1000)),
        String.format(
            Locale.ROOT,
            "Decoder output on a regular %dx%d grid: z1 from %.3g (left) to %.3g (right), z2 from %.3g (bottom) to %.3g (top)%s.",
            in.grid.size(),
            in.grid.size(),
            in.grid.low()[0],
            in.grid.high()[0],
            in.grid.dim() > 1 ? in.grid.low()[1] : 0.0,
            in.grid.dim() > 1 ? in.grid.high()[1] : 0.0,
            in.grid.dim() > 2 ? ", other coordinates at their median" : ""));
  }

  private void draws() {
    if (in.draws == null || in.draws.count() == 0) {
      return;
    }
    section("draws", "Artificial examples");
    int columns = Math.min(in.options.gridColumns(), in.draws.count());
    figure(
        "draws",
        ImageGrid.render(
            in.draws, new ImageGrid.Style(columns, gridScale(in.draws.shape(), columns, 800), 2)),
        "Decoded draws from the latent distribution: images the model considers plausible.");
  }

  private void hardExamples() {
    if (in.hardImages == null || in.hardImages.count() == 0) {
      return;
    }
    section("hard-examples", "Hard examples");
    int columns = Math.min(in.options.gridColumns(), in.hardImages.count());
    figure(
        "hard-examples",
        ImageFigures.hardExamples(
            in.hardImages, in.hardErrors, columns, gridScale(in.hardImages.shape(), columns, 800)),
        "The "
            + in.hardImages.count()
            + " pool images the autoencoder reconstructs worst, worst first, "
            + "with their reconstruction error.");
    if (in.encodings != null) {
      Highlight highlight = Highlight.of("hardest " + in.hardIndices.length, in.hardIndices);
      for (Projection2D p : projections) {
        figure(
            "hard-examples-" + p.name(),
            ScatterPlots.overlay(
                p,
                in.classes,
                null,
                highlight,
                "Hard examples, " + describe(p),
                in.options.plots()),
            "Where the hard examples lie among the encodings, " + describe(p) + ".");
      }
    }
  }

  private void evaluation() {
    if (in.evaluation.isEmpty()) {
      return;
    }
    section("evaluation", "Evaluation");
    figure(
        "evaluation",
        BarPlots.evaluation(
            in.evaluation,
            "Classifier " + in.scoreName + " by labeling budget",
            in.scoreName,
            in.options.plots()),
        "Mean " + in.scoreName + " per strategy with one standard deviation.");
    List<List<Html.Cell>> rows = new ArrayList<>();
    for (EvaluationResult r : in.evaluation) {
      rows.add(
          List.of(
              Html.Cell.text(r.strategy()),
              Html.Cell.text(r.setting()),
              Html.Cell.number(Integer.toString(r.budget())),
              Html.Cell.number(String.format(Locale.ROOT, "%.4f \u00b1 %.4f", r.mean(), r.std()))));
    }
    body.table(
        List.of("strategy", "setting", "budget", in.scoreName + " (mean \u00b1 std)"),
        rows,
        "evaluation");
  }

  private void jsonSection(String id, String heading, JsonNode document) {
    if (document == null) {
      return;
    }
    section(id, heading);
    List<List<Html.Cell>> rows = new ArrayList<>();
    for (String[] kv : JsonTables.flatten(document)) {
      rows.add(row(kv[0], kv[1]));
    }
    body.table(List.of("key", "value"), rows, "json");
  }

  private void projector() {
    if (in.encodings == null || in.options.projector() == null || in.encodings.count() == 0) {
      return;
    }
    List<String> ids = in.ids != null ? in.ids : indexIds(in.encodings);
    int[] selected =
        in.selections.stream()
            .flatMapToInt(part -> java.util.Arrays.stream(part.table().indices()))
            .distinct()
            .toArray();
    ProjectorExport.Result result =
        ProjectorExport.write(
            folder.resolve(PROJECTOR),
            in.encodings,
            in.classes,
            ids,
            selected,
            in.poolImages,
            in.options.projector());
    section("projector", "Embedding projector");
    body.raw("<p>The folder <code>projector/</code> holds ")
        .text(Charts.count(result.indices().length))
        .raw(" encodings for TensorBoard's embedding projector")
        .text(
            result.indices().length < in.encodings.count()
                ? " (a random subsample; selected points are always included)"
                : "")
        .raw(
            ". Run <code>tensorboard --logdir projector</code> in this folder and open the Projector tab, or load ")
        .raw(
            "<a href=\"projector/tensors.tsv\">tensors.tsv</a> and <a href=\"projector/metadata.tsv\">metadata.tsv</a>")
        .raw(
            " into the stand-alone projector. Configuration: <a href=\"projector/projector_config.pbtxt\">projector_config.pbtxt</a>")
        .raw(
            result.spriteSide() > 0
                ? ", thumbnails: <a href=\"projector/sprite.png\">sprite.png</a>.</p>\n"
                : ".</p>\n");
  }

  private static List<String> indexIds(Points points) {
    List<String> ids = new ArrayList<>(points.count());
    for (int i = 0; i < points.count(); i++) {
      ids.add(Integer.toString(i));
    }
    return ids;
  }

  private void files() throws IOException {
    if (in.attachments.isEmpty()) {
      return;
    }
    section("files", "Files");
    List<List<Html.Cell>> rows = new ArrayList<>();
    for (Map.Entry<String, Path> e : in.attachments.entrySet()) {
      String relative = FILES + "/" + e.getKey();
      Path copy = folder.resolve(relative);
      Files.createDirectories(copy.getParent());
      Files.copy(e.getValue(), copy, StandardCopyOption.REPLACE_EXISTING);
      rows.add(
          List.of(
              Html.Cell.link(relative, e.getKey()),
              Html.Cell.text(e.getValue().toAbsolutePath().toString()),
              Html.Cell.number(Charts.count(Files.size(copy)) + " bytes")));
    }
    body.table(List.of("file", "copied from", "size"), rows, "files");
  }

  private String page() {
    Html nav = new Html();
    nav.raw("<nav>");
    for (String[] entry : contents) {
      nav.raw("<a href=\"#").text(entry[0]).raw("\">").text(entry[1]).raw("</a> ");
    }
    nav.raw("</nav>\n");
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>"
        + Html.escape(in.title)
        + "</title>\n<style>\n"
        + CSS
        + "</style>\n</head>\n<body>\n"
        + "<h1>"
        + Html.escape(in.title)
        + "</h1>\n"
        + nav
        + body
        + "</body>\n</html>\n";
  }

  private static List<Html.Cell> row(String key, String value) {
    return List.of(Html.Cell.text(key), Html.Cell.text(value));
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4g", value);
  }

  private static String vector(double[] z) {
    StringBuilder sb = new StringBuilder("(");
    for (int d = 0; d < z.length; d++) {
      sb.append(d == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", z[d]));
    }
    return sb.append(')').toString();
  }

  private static final String CSS =
      String.join(
          "\n",
          "body { font-family: -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; margin: 1.5em auto; max-width: 1100px;",
          "  padding: 0 1em; color: #222; line-height: 1.45; }",
          "h1 { font-size: 1.7em; margin-bottom: 0.2em; }",
          "h2 { border-bottom: 1px solid #ddd; padding-bottom: 0.2em; margin-top: 2em; }",
          "nav { position: sticky; top: 0; background: #fff; padding: 0.4em 0; border-bottom: 1px solid #eee; }",
          "nav a { margin-right: 0.9em; }",
          "a { color: #1f5fa8; }",
          "figure { margin: 1em 0; }",
          "figure img { max-width: 100%; height: auto; border: 1px solid #e4e4e4; }",
          "figcaption { color: #555; font-size: 0.92em; }",
          "table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.92em; }",
          "th, td { border: 1px solid #ddd; padding: 0.25em 0.6em; text-align: left; vertical-align: middle; }",
          "th { background: #f4f4f4; }",
          "td.num { text-align: right; font-variant-numeric: tabular-nums; }",
          "table.json td:first-child, table.facts td:first-child { font-family: monospace; color: #444; }",
          "img.thumb { image-rendering: pixelated; display: block; }",
          "code { background: #f4f4f4; padding: 0 0.25em; }",
          "details { margin: 0.8em 0; }",
          "");
}
