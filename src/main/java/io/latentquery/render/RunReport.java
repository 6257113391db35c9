package io.latentquery.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentquery.InputException;
import io.latentquery.SettingException;
import io.latentquery.contract.RunExport;
import io.latentquery.contract.SavedModelContract;
import io.latentquery.contract.SelectionCsv;
import io.latentquery.contract.SelectionTable;
import io.latentquery.data.DataCatalog;
import io.latentquery.data.DataRequest;
import io.latentquery.data.Dataset;
import io.latentquery.data.ImageShape;
import io.latentquery.data.Split;
import io.latentquery.files.Json;
import io.latentquery.inference.Encodings;
import io.latentquery.inference.SavedModelAutoencoder;
import io.latentquery.inference.SavedModelDecoder;
import io.latentquery.inference.SavedModelEncoder;
import io.latentquery.inference.SignatureSpec;
import io.latentquery.report.ClassLabels;
import io.latentquery.report.EvaluationResult;
import io.latentquery.report.ImageBatch;
import io.latentquery.report.ImageFigures;
import io.latentquery.report.ImageSource;
import io.latentquery.report.LatentGrid;
import io.latentquery.report.ReportBuilder;
import io.latentquery.sampling.Points;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The report of one training run: what {@code lq report} writes. It reads the run folder ({@code
 * settings.json}, {@code provenance.json}, {@code metrics.csv}) as plain files, loads the run's
 * three exported SavedModels, encodes the run's pool, reconstructs its first images, finds the
 * examples reconstructed worst, decodes a grid over the latent space and each selection's draws
 * (or, when a selection holds none, its points' codes, and the caption says so), and hands
 * everything to {@link ReportBuilder}, which writes the folder atomically.
 *
 * <p>The pool is the run's: dataset, split sizes and limit from settings.json, so selections made
 * with the same {@code --data} and {@code --limit} line up index for index (each selection's ids
 * are checked against the pool). Scatter plots and the projector show a fixed subsample of at most
 * 10,000 points of a larger pool; every statistic uses all of it.
 */
public final class RunReport {
  /** Pool images shown beside their reconstruction. */
  public static final int RECONSTRUCTIONS = 10;

  /** Worst-reconstructed pool images shown. */
  public static final int HARD_EXAMPLES = 20;

  /** Decoded images shown per selection. */
  public static final int DECODED_PER_SELECTION = 50;

  /** Points per side of the decoded latent grid. */
  public static final int GRID_SIZE = 15;

  /** Field of selection.json that may list a strategy's draws, one latent vector each. */
  public static final String DRAWS_FIELD = "draws";

  private final Path run;
  private Path models;
  private String dataset;
  private Integer limit;
  private final List<Path> selections = new ArrayList<>();
  private final List<Path> evaluations = new ArrayList<>();
  private int threads;
  private boolean trustModels;
  private int batchSize = SavedModelEncoder.DEFAULT_BATCH_SIZE;
  private Progress progress = Progress.NONE;

  private RunReport(Path run) {
    this.run = run;
  }

  /** A report of the run in {@code run} ({@code models/NAME}). */
  public static RunReport of(Path run) {
    return new RunReport(run);
  }

  /** The run's name: its folder's name. */
  public static String name(Path run) {
    Path name = run.toAbsolutePath().normalize().getFileName();
    return name == null ? "run" : name.toString();
  }

  /**
   * Where the run's SavedModels are: the folder its {@code export.json} records, else {@code
   * savedmodels/NAME}.
   */
  public static Path defaultModels(Path run) {
    return RunExport.locate(run);
  }

  /** Where the report goes by default: {@code reports/NAME}. */
  public static Path defaultOut(Path run) {
    return Path.of("reports", name(run));
  }

  /**
   * The export folder holding encoder/, decoder/ and autoencoder/ (default {@link #defaultModels}).
   */
  public RunReport models(Path folder) {
    this.models = folder;
    return this;
  }

  /** Another dataset name or path than the run's (split sizes and folder options are kept). */
  public RunReport dataset(String nameOrPath) {
    this.dataset = nameOrPath;
    return this;
  }

  /** Another pool limit than the run's. */
  public RunReport limit(Integer value) {
    if (value != null && value < 1) {
      throw new SettingException("limit", "must be >= 1, got " + value);
    }
    this.limit = value;
    return this;
  }

  /** A selection.csv to show; its selection.json (same name, .json) is read when it exists. */
  public RunReport selection(Path csv) {
    selections.add(csv);
    return this;
  }

  /** An evaluation file or folder to show (see {@link EvaluationFiles}). */
  public RunReport evaluation(Path path) {
    evaluations.add(path);
    return this;
  }

  /**
   * Whether to run the models without checking their ops first ({@code --trust-model}); by default
   * a model whose graph can reach files is refused.
   */
  public RunReport trustModels(boolean trust) {
    this.trustModels = trust;
    return this;
  }

  /** TensorFlow intra-op threads (0: TensorFlow's default) and examples per batch. */
  public RunReport compute(int intraOpThreads, int examplesPerBatch) {
    if (intraOpThreads < 0) {
      throw new SettingException("threads", "must be >= 0, got " + intraOpThreads);
    }
    if (examplesPerBatch < 1) {
      throw new SettingException(
          "batchSize", "batch size", "must be >= 1, got " + examplesPerBatch);
    }
    this.threads = intraOpThreads;
    this.batchSize = examplesPerBatch;
    return this;
  }

  public RunReport progress(Progress value) {
    this.progress = value;
    return this;
  }

  /** What was written. */
  public record Summary(
      Path folder,
      String pool,
      int poolSize,
      int latentDim,
      int selections,
      int evaluationResults) {}

  /**
   * Builds the report and writes it to {@code out}, replacing an existing folder only when {@code
   * replace} is true. Every input is checked before the models run.
   */
  public Summary write(Path out, boolean replace) {
    if (!Files.isDirectory(run)) {
      throw new InputException("missing run folder: " + run);
    }
    Path modelsDir = models != null ? models : defaultModels(run);
    requireExport(modelsDir);
    RunSettings settings = settings(modelsDir);
    if (settings == null && dataset == null) {
      throw new InputException(
          "neither " + run + " nor " + modelsDir + " has settings.json; give --data");
    }
    DataRequest request =
        settings == null
            ? DataRequest.of(dataset)
            : dataset == null ? settings.data() : settings.withDataset(dataset).data();
    Integer poolLimit = limit != null ? limit : settings == null ? null : settings.limit();
    if (Files.exists(out) && !replace) {
      throw new InputException(out + " exists; use --force to replace it");
    }
    List<SelectionTable> tables = new ArrayList<>();
    for (Path csv : selections) {
      if (!Files.isRegularFile(csv)) {
        throw new InputException("missing selection file: " + csv);
      }
      tables.add(SelectionCsv.read(csv));
    }
    List<EvaluationResult> results =
        evaluations.isEmpty() ? List.of() : EvaluationFiles.read(evaluations);
    Dataset pool = DataCatalog.standard().open(request).split(Split.POOL);
    if (poolLimit != null) {
      pool = pool.limit(poolLimit);
    }
    for (int k = 0; k < tables.size(); k++) {
      checkSameExamples(selections.get(k), tables.get(k), pool);
    }

    int latentDim;
    ReportBuilder report = ReportBuilder.titled("Run " + name(run));
    report.note(
        "Built from the training run "
            + run
            + " and its SavedModels in "
            + modelsDir
            + ". The pool is "
            + pool.name()
            + " ("
            + String.format(Locale.ROOT, "%,d", pool.size())
            + " examples"
            + (poolLimit == null
                ? ""
                : limit != null ? ", --limit " + poolLimit : ", the run's limit " + poolLimit)
            + ").");
    try (SavedModelEncoder encoder =
            SavedModelEncoder.open(
                modelsDir.resolve(SavedModelContract.ENCODER_DIR),
                SignatureSpec.encoder().trusted(trustModels),
                threads);
        SavedModelDecoder decoder =
            SavedModelDecoder.open(
                modelsDir.resolve(SavedModelContract.DECODER_DIR),
                SignatureSpec.decoder().trusted(trustModels),
                threads);
        SavedModelAutoencoder autoencoder =
            SavedModelAutoencoder.open(
                modelsDir.resolve(SavedModelContract.AUTOENCODER_DIR),
                SignatureSpec.autoencoder().trusted(trustModels),
                threads)) {
      encoder.checkFits(pool.shape(), "dataset " + pool.name());
      Encodings encodings;
      try (Progress.Step step = progress.start("encode", pool.size())) {
        encodings = encoder.encode(pool, batchSize, step);
      }
      if (decoder.latentDim() != encodings.dim()) {
        throw new InputException(
            "the decoder in "
                + modelsDir
                + " takes latent vectors of dimension "
                + decoder.latentDim()
                + " but the encoder gives dimension "
                + encodings.dim());
      }
      for (int k = 0; k < tables.size(); k++) {
        if (tables.get(k).latentDim() != encodings.dim()) {
          throw new InputException(
              selections.get(k)
                  + " has points of dimension "
                  + tables.get(k).latentDim()
                  + " but the run's encoder gives dimension "
                  + encodings.dim());
        }
      }
      latentDim = encodings.dim();
      Points points = Points.of(encodings);
      ImageSource images = ImageSource.of(pool.shape(), pool::image);
      report.encodings(points, labels(pool), encodings.ids()).poolImages(images);
      reconstructAndRank(autoencoder, pool, report);
      Decoding decoding = new Decoding(decoder, modelsDir, pool.shape());
      LatentGrid grid = LatentGrid.spanning(points, GRID_SIZE);
      report.manifold(grid, decoding.decode(grid.points().toArray(), grid.count()));
      for (int k = 0; k < tables.size(); k++) {
        Path csv = selections.get(k);
        Path json = recordOf(csv);
        report.selectionFiles(csv, Files.isRegularFile(json) ? json : null);
        decodeSelection(
            report, k, tables.get(k), Files.isRegularFile(json) ? json : null, decoding);
      }
    }
    attachModelFiles(report, modelsDir, settings);
    if (!results.isEmpty()) {
      report.evaluation(results, "accuracy");
    }
    report.write(out, replace);
    return new Summary(out, pool.name(), pool.size(), latentDim, tables.size(), results.size());
  }

  private static void requireExport(Path modelsDir) {
    if (!Files.isDirectory(modelsDir)) {
      throw new InputException(
          "missing SavedModel folder: "
              + modelsDir
              + " (export the run with 'lq export', or give --models)");
    }
    for (String part :
        List.of(
            SavedModelContract.ENCODER_DIR,
            SavedModelContract.DECODER_DIR,
            SavedModelContract.AUTOENCODER_DIR)) {
      Path folder = modelsDir.resolve(part);
      if (!Files.isRegularFile(folder.resolve("saved_model.pb"))
          && !Files.isRegularFile(folder.resolve("saved_model.pbtxt"))) {
        throw new InputException(
            "missing SavedModel: "
                + folder
                + " (an export holds encoder/, decoder/ and autoencoder/)");
      }
    }
  }

  /** The run's settings.json, else the one copied beside the export, else null. */
  private RunSettings settings(Path modelsDir) {
    for (Path file : List.of(run.resolve("settings.json"), modelsDir.resolve("settings.json"))) {
      if (Files.isRegularFile(file)) {
        return RunSettings.read(file);
      }
    }
    return null;
  }

  private static ClassLabels labels(Dataset pool) {
    return pool.hasLabels() ? new ClassLabels(pool.labels(), pool.classNames()) : ClassLabels.NONE;
  }

  /** A selection must come from this pool: every row's index must hold the row's id. */
  private static void checkSameExamples(Path csv, SelectionTable table, Dataset pool) {
    for (SelectionTable.Row row : table.rows()) {
      if (row.index() >= pool.size()) {
        throw new InputException(
            csv
                + " rank "
                + row.rank()
                + " has pool index "
                + row.index()
                + ", outside the "
                + pool.size()
                + " examples of "
                + pool.name()
                + ": was it drawn from another pool (--data, --limit)?");
      }
      if (!row.id().equals(pool.id(row.index()))) {
        throw new InputException(
            csv
                + " rank "
                + row.rank()
                + " is example '"
                + row.id()
                + "' but pool index "
                + row.index()
                + " of "
                + pool.name()
                + " is '"
                + pool.id(row.index())
                + "': was it drawn from another pool (--data, --limit)?");
      }
    }
  }

  private void reconstructAndRank(
      SavedModelAutoencoder autoencoder, Dataset pool, ReportBuilder report) {
    double[] errors;
    try (Progress.Step step = progress.start("reconstruct", pool.size())) {
      errors = autoencoder.errors(pool, batchSize, step);
    }
    int shown = Math.min(RECONSTRUCTIONS, pool.size());
    float[] originals = pool.batch(0, shown);
    float[] rebuilt = autoencoder.reconstruct(originals, shown, pool.shape()).images();
    report.reconstructions(
        new ImageBatch(originals, shown, pool.shape()),
        new ImageBatch(rebuilt, shown, pool.shape()));
    int[] hardest = ImageFigures.hardest(errors, HARD_EXAMPLES);
    double[] hardErrors = Arrays.stream(hardest).mapToDouble(i -> errors[i]).toArray();
    report.hardExamples(
        hardest, hardErrors, new ImageBatch(pool.batch(hardest), hardest.length, pool.shape()));
  }

  /**
   * The decoder's images for selection {@code k}: the strategy's draws when selection.json lists
   * them, else the selected points' own codes, with a caption that says which.
   */
  private static void decodeSelection(
      ReportBuilder report, int k, SelectionTable table, Path json, Decoding decoding) {
    double[][] draws = json == null ? null : draws(json, table.latentDim());
    String caption;
    double[][] latents;
    if (draws != null && draws.length > 0) {
      latents = Arrays.copyOf(draws, Math.min(DECODED_PER_SELECTION, draws.length));
      caption =
          "Artificial examples: the decoder's images of "
              + describeFirst(latents.length, draws.length)
              + " draws the strategy made (selection.json '"
              + DRAWS_FIELD
              + "'), images the model considers plausible "
              + "at the places the strategy looked.";
    } else if (table.size() > 0) {
      int n = Math.min(DECODED_PER_SELECTION, table.size());
      latents = new double[n][];
      for (int i = 0; i < n; i++) {
        latents[i] = table.rows().get(i).z();
      }
      caption =
          "Artificial examples: the decoder's images of the codes of "
              + describeFirst(n, table.size())
              + " selected points (z1..zL in selection.csv), in rank order. The selection files hold no draws of the "
              + "strategy, so these show what the model makes of each query, not new draws.";
    } else {
      return;
    }
    int dim = table.latentDim();
    double[] flat = new double[latents.length * dim];
    for (int i = 0; i < latents.length; i++) {
      System.arraycopy(latents[i], 0, flat, i * dim, dim);
    }
    report.selectionImages(k, decoding.decode(flat, latents.length), caption);
  }

  private static String describeFirst(int shown, int total) {
    return shown < total ? "the first " + shown + " of the " + total : "the " + total;
  }

  /** The draws listed in selection.json, or null when it lists none. */
  private static double[][] draws(Path json, int dim) {
    JsonNode node = Json.readTree(json).get(DRAWS_FIELD);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      throw new InputException(json + ": '" + DRAWS_FIELD + "' must be a list of latent vectors");
    }
    double[][] out = new double[node.size()][];
    for (int i = 0; i < out.length; i++) {
      JsonNode draw = node.get(i);
      if (!draw.isArray() || draw.size() != dim) {
        throw new InputException(
            json + ": draw " + i + " must be a list of " + dim + " numbers, got " + draw);
      }
      out[i] = new double[dim];
      for (int d = 0; d < dim; d++) {
        if (!draw.get(d).isNumber() || !Double.isFinite(draw.get(d).asDouble())) {
          throw new InputException(
              json + ": draw " + i + " holds a value that is not a finite number: " + draw);
        }
        out[i][d] = draw.get(d).asDouble();
      }
    }
    return out;
  }

  /** selection.csv -> selection.json, as lq sample names its record. */
  static Path recordOf(Path csv) {
    String name = csv.getFileName().toString();
    String base =
        name.toLowerCase(Locale.ROOT).endsWith(".csv")
            ? name.substring(0, name.length() - 4)
            : name;
    return csv.resolveSibling(base + ".json");
  }

  /** The run's files, and the export's copies when the run lacks them. */
  private void attachModelFiles(ReportBuilder report, Path modelsDir, RunSettings settings) {
    report.modelFolder(run);
    if (settings != null && !settings.file().startsWith(run)) {
      report.settings(settings.document()).attach("export/settings.json", settings.file());
    }
    Path exportProvenance = modelsDir.resolve(SavedModelContract.PROVENANCE_FILE);
    if (Files.isRegularFile(exportProvenance)) {
      if (!Files.isRegularFile(run.resolve(SavedModelContract.PROVENANCE_FILE))) {
        report.provenance(Json.readTree(exportProvenance));
      }
      report.attach("export/" + SavedModelContract.PROVENANCE_FILE, exportProvenance);
    }
  }

  /** Latent vectors through the decoder, as images of the shape it declares (else the pool's). */
  private record Decoding(SavedModelDecoder decoder, Path folder, ImageShape poolShape) {
    ImageBatch decode(double[] latents, int count) {
      ImageShape shape = decoder.imageShape() != null ? decoder.imageShape() : poolShape;
      float[] pixels = decoder.decode(latents, count);
      if (pixels.length != (long) count * shape.size()) {
        throw new InputException(
            "the decoder in "
                + folder
                + " gave "
                + pixels.length
                + " values for "
                + count
                + " images of "
                + shape);
      }
      return new ImageBatch(pixels, count, shape);
    }
  }
}
