package io.latentquery.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentquery.InputException;
import io.latentquery.contract.Metrics;
import io.latentquery.contract.MetricsCsv;
import io.latentquery.contract.SelectionCsv;
import io.latentquery.contract.SelectionTable;
import io.latentquery.files.AtomicFiles;
import io.latentquery.files.Json;
import io.latentquery.sampling.Points;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what a report shows and writes it as one self-contained folder: {@code index.html}
 * (inline CSS, no scripts, nothing fetched from the network, so it opens from disk anywhere),
 * {@code figures/}, {@code thumbs/}, {@code files/} (copies of the inputs it was built from) and
 * {@code projector/} for TensorBoard's embedding projector. Every part is optional; a section
 * appears when its inputs were given.
 *
 * <p>Pool indices everywhere (selection rows, hard examples, pool clusters) index the encodings
 * given to {@link #encodings}; the images for thumbnails and the sprite come from {@link
 * #poolImages} by the same index.
 */
public final class ReportBuilder {
  final String title;
  ReportOptions options = ReportOptions.DEFAULT;
  Points encodings;
  ClassLabels classes = ClassLabels.NONE;
  List<String> ids;
  ImageSource poolImages;
  final List<SelectionPart> selections = new ArrayList<>();
  int[] poolClusters;
  Metrics metrics;
  JsonNode settings;
  JsonNode provenance;
  ImageBatch originals;
  ImageBatch reconstructions;
  LatentGrid grid;
  ImageBatch gridImages;
  ImageBatch draws;
  int[] hardIndices;
  double[] hardErrors;
  ImageBatch hardImages;
  List<EvaluationResult> evaluation = List.of();
  String scoreName = "accuracy";
  final Map<String, Path> attachments = new LinkedHashMap<>();
  final List<String> notes = new ArrayList<>();

  private ReportBuilder(String title) {
    this.title = title;
  }

  public static ReportBuilder titled(String title) {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("a report needs a title");
    }
    return new ReportBuilder(title);
  }

  public ReportBuilder options(ReportOptions value) {
    this.options = value;
    return this;
  }

  /**
   * The pool's encodings, classes (or {@link ClassLabels#NONE}) and ids (null: the index as id).
   */
  public ReportBuilder encodings(Points points, ClassLabels labels, List<String> exampleIds) {
    labels.requireSize(points.count());
    if (exampleIds != null && exampleIds.size() != points.count()) {
      throw new IllegalArgumentException(
          exampleIds.size() + " ids for " + points.count() + " encodings");
    }
    this.encodings = points;
    this.classes = labels;
    this.ids = exampleIds == null ? null : List.copyOf(exampleIds);
    return this;
  }

  /** The pool's images by pool index, for thumbnails and the projector sprite. */
  public ReportBuilder poolImages(ImageSource images) {
    this.poolImages = images;
    return this;
  }

  /**
   * One selection shown in a report: its rows, what its selection.json says (may be null) and, when
   * given, the decoder's images for it with a caption saying what they are.
   */
  record SelectionPart(
      String name,
      SelectionTable table,
      SelectionSummary summary,
      ImageBatch decoded,
      String decodedCaption) {
    SelectionPart withDecoded(ImageBatch images, String caption) {
      return new SelectionPart(name, table, summary, images, caption);
    }
  }

  /**
   * Adds a selection of pool points and what its selection.json says (may be null), named after its
   * strategy. Every selection added gets its own section, in the order added.
   */
  public ReportBuilder selection(SelectionTable table, SelectionSummary summary) {
    return selection(
        summary == null ? "selection " + (selections.size() + 1) : summary.strategy(),
        table,
        summary);
  }

  /** Adds a selection under {@code name} (shown in its heading and the overview). */
  public ReportBuilder selection(String name, SelectionTable table, SelectionSummary summary) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a selection needs a name");
    }
    selections.add(new SelectionPart(name, table, summary, null, null));
    return this;
  }

  /**
   * The decoder's images for selection {@code k} (0-based, in the order added): decoded draws of
   * its strategy, or decoded codes of its points. {@code caption} says which, since the two mean
   * different things.
   */
  public ReportBuilder selectionImages(int k, ImageBatch images, String caption) {
    if (k < 0 || k >= selections.size()) {
      throw new IllegalArgumentException("no selection " + k + "; " + selections.size() + " added");
    }
    if (caption == null || caption.isBlank()) {
      throw new IllegalArgumentException(
          "decoded selection images need a caption saying what they are");
    }
    selections.set(k, selections.get(k).withDecoded(images, caption));
    return this;
  }

  /** Cluster per pool point, when the strategy clustered the whole pool. */
  public ReportBuilder poolClusters(int[] clusters) {
    this.poolClusters = clusters.clone();
    return this;
  }

  public ReportBuilder metrics(Metrics value) {
    this.metrics = value;
    return this;
  }

  /** The model's settings.json, shown as a table. */
  public ReportBuilder settings(JsonNode value) {
    this.settings = value;
    return this;
  }

  /** The provenance.json of the model or selection, shown as a table. */
  public ReportBuilder provenance(JsonNode value) {
    this.provenance = value;
    return this;
  }

  /** Pool images and the autoencoder's reconstructions of them, in the same order. */
  public ReportBuilder reconstructions(ImageBatch images, ImageBatch rebuilt) {
    if (images.count() != rebuilt.count()) {
      throw new IllegalArgumentException(
          images.count() + " images but " + rebuilt.count() + " reconstructions");
    }
    this.originals = images;
    this.reconstructions = rebuilt;
    return this;
  }

  /** The decoder's images of {@code latentGrid.points()}, in that order. */
  public ReportBuilder manifold(LatentGrid latentGrid, ImageBatch decoded) {
    if (decoded.count() != latentGrid.count()) {
      throw new IllegalArgumentException(
          decoded.count() + " decoded images for " + latentGrid.count() + " grid points");
    }
    this.grid = latentGrid;
    this.gridImages = decoded;
    return this;
  }

  /** Artificial examples: the decoder's images of draws from the latent distribution. */
  public ReportBuilder decodedDraws(ImageBatch decoded) {
    this.draws = decoded;
    return this;
  }

  /**
   * The examples the autoencoder reconstructs worst: their pool indices, errors and images, worst
   * first (see {@link ImageFigures#hardest}).
   */
  public ReportBuilder hardExamples(int[] poolIndices, double[] errors, ImageBatch images) {
    if (poolIndices.length != errors.length || errors.length != images.count()) {
      throw new IllegalArgumentException("hard examples need one index, error and image each");
    }
    this.hardIndices = poolIndices.clone();
    this.hardErrors = errors.clone();
    this.hardImages = images;
    return this;
  }

  /** Evaluation results; {@code score} names the measure, e.g. {@code accuracy}. */
  public ReportBuilder evaluation(List<EvaluationResult> results, String score) {
    this.evaluation = List.copyOf(results);
    this.scoreName = score;
    return this;
  }

  /** A sentence shown at the top, e.g. which SavedModels and data the report was built from. */
  public ReportBuilder note(String text) {
    notes.add(text);
    return this;
  }

  /**
   * A file copied into the report's {@code files/} folder as {@code name} (which may hold one level
   * of sub-folder, e.g. {@code model/settings.json}) and linked from the page.
   */
  public ReportBuilder attach(String name, Path file) {
    if (!name.matches("([A-Za-z0-9][A-Za-z0-9._-]*/)?[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException(
          "attachment name must be a plain file name, got '" + name + "'");
    }
    if (!Files.isRegularFile(file)) {
      throw new InputException("missing file: " + file);
    }
    if (attachments.putIfAbsent(name, file) != null) {
      throw new IllegalArgumentException("two attachments named " + name);
    }
    return this;
  }

  /**
   * Reads a training run's folder ({@code models/NAME/}): settings.json, provenance.json and
   * metrics.csv, whichever exist, shown and attached under {@code files/model/}.
   */
  public ReportBuilder modelFolder(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new InputException("missing model folder: " + folder);
    }
    Path settingsFile = folder.resolve("settings.json");
    if (Files.isRegularFile(settingsFile)) {
      settings(Json.readTree(settingsFile));
      attach("model/settings.json", settingsFile);
    }
    Path provenanceFile = folder.resolve("provenance.json");
    if (Files.isRegularFile(provenanceFile)) {
      provenance(Json.readTree(provenanceFile));
      attach("model/provenance.json", provenanceFile);
    }
    Path metricsFile = folder.resolve(MetricsCsv.FILE_NAME);
    if (Files.isRegularFile(metricsFile)) {
      metrics(MetricsCsv.read(metricsFile));
      attach("model/" + MetricsCsv.FILE_NAME, metricsFile);
    }
    return this;
  }

  /**
   * Reads a selection.csv and, when {@code json} is not null, its selection.json, and adds them as
   * the next selection; both are attached under {@code files/selection/} for the first selection,
   * {@code files/selection-2/} for the second, and so on.
   */
  public ReportBuilder selectionFiles(Path csv, Path json) {
    SelectionTable table = SelectionCsv.read(csv);
    SelectionSummary summary = json == null ? null : SelectionSummary.read(json);
    String folder = selectionKey(selections.size());
    selection(table, summary);
    attach(folder + "/" + SelectionCsv.FILE_NAME, csv);
    if (json != null) {
      attach(folder + "/" + SelectionSummary.FILE_NAME, json);
    }
    return this;
  }

  /** The anchor and file prefix of selection {@code k}: selection, selection-2, selection-3... */
  static String selectionKey(int k) {
    return k == 0 ? "selection" : "selection-" + (k + 1);
  }

  /**
   * Writes the report folder atomically: readers see the old report or the new one. An existing
   * folder is replaced only when {@code replace} is true.
   */
  public void write(Path target, boolean replace) {
    validate();
    AtomicFiles.writeFolder(target, replace, folder -> new ReportWriter(this, folder).write());
  }

  private void validate() {
    for (SelectionPart part : selections) {
      if (encodings == null) {
        break;
      }
      for (SelectionTable.Row row : part.table().rows()) {
        if (row.index() >= encodings.count()) {
          throw new InputException(
              "selection rank "
                  + row.rank()
                  + " has pool index "
                  + row.index()
                  + ", outside the "
                  + encodings.count()
                  + " encodings: was it drawn from another pool?");
        }
      }
    }
    if (poolClusters != null && (encodings == null || poolClusters.length != encodings.count())) {
      throw new IllegalArgumentException("pool clusters need encodings of the same size");
    }
    if (hardIndices != null && encodings != null) {
      for (int index : hardIndices) {
        if (index < 0 || index >= encodings.count()) {
          throw new IllegalArgumentException(
              "hard example index " + index + " is outside the pool");
        }
      }
    }
  }
}
