package io.latentquery.eval;

import io.latentquery.InputException;
import io.latentquery.data.DataCatalog;
import io.latentquery.data.DataRequest;
import io.latentquery.data.Dataset;
import io.latentquery.data.Split;
import io.latentquery.data.SplitDataset;
import io.latentquery.data.UnbalanceSettings;
import io.latentquery.data.UnbalanceSummary;
import io.latentquery.data.UnbalancedDatasetWriter;
import io.latentquery.eval.ExperimentConfig.AutoencoderSpec;
import io.latentquery.eval.ExperimentConfig.DatasetSpec;
import io.latentquery.eval.ExperimentConfig.StrategySpec;
import io.latentquery.export.ExportSource;
import io.latentquery.export.SavedModelExporter;
import io.latentquery.files.Checksums;
import io.latentquery.files.Json;
import io.latentquery.inference.EncodingModels;
import io.latentquery.inference.Encodings;
import io.latentquery.inference.SavedModelEncoder;
import io.latentquery.inference.SignatureSpec;
import io.latentquery.model.AutoencoderConfig;
import io.latentquery.model.ModelKind;
import io.latentquery.provenance.Provenance;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.job.EncodedPool;
import io.latentquery.sampling.job.PoolSettings;
import io.latentquery.sampling.job.ProgressDisplay;
import io.latentquery.sampling.propagate.KnnGraph;
import io.latentquery.sampling.strategy.SelectionService;
import io.latentquery.sampling.strategy.StrategyOptions;
import io.latentquery.train.Progress;
import io.latentquery.train.RunFolder;
import io.latentquery.train.TrainSettings;
import io.latentquery.train.Trainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs an experiment config end to end ({@code lq experiment run}): checks the whole config, makes
 * missing unbalanced datasets, trains each dataset x autoencoder once (reusing a finished run),
 * exports it, encodes the pool once, then per cell selects through the sampler's {@link
 * SelectionService} and evaluates with {@link CellEvaluations}, storing one result file per cell.
 * Everything lives in the results folder: cells at its top, training runs under {@value #RUNS}/,
 * exports under {@value #SAVEDMODELS}/ (both in the config's models folder when it names one), and
 * the experiment's provenance in {@value #PROVENANCE}. A second run skips stored cells and trains
 * nothing already trained.
 */
public final class ExperimentRunner {
  public static final String RUNS = "runs";
  public static final String SAVEDMODELS = "savedmodels";
  public static final String PROVENANCE = "provenance.json";

  private static final Logger LOG = LogManager.getLogger(ExperimentRunner.class);
  private static final int ENCODE_BATCH = SavedModelEncoder.DEFAULT_BATCH_SIZE;

  private final ExperimentConfig config;
  private final Path configFile;
  private final SelectionService sampler;
  private final DataCatalog catalog;
  private final CellStore store;
  private final Map<String, PreparedData> datasets = new LinkedHashMap<>();
  private final Map<String, PreparedAutoencoder> autoencoders = new HashMap<>();

  /** The k-nearest-neighbour graph of each recipe encoder's encodings, built once per run. */
  private final Map<Encodings, KnnGraph> graphs = new java.util.IdentityHashMap<>();

  private Supplier<Progress> trainingProgress = () -> new Progress.LogLines(Duration.ofSeconds(30));
  private int cellsRun;

  /** A dataset opened once for the whole run. */
  private record PreparedData(
      DatasetSpec spec, SplitDataset split, Dataset pool, Dataset validation, Dataset test) {}

  /**
   * A trained and exported autoencoder and its encoded pool (with errors, when a strategy needs
   * them).
   */
  private record PreparedAutoencoder(EncodedPool pool, Map<String, String> artifacts, long seed) {}

  /**
   * @param config the experiment, not yet validated
   * @param configFile the file it was read from (its checksum is recorded), or null
   * @param sampler the strategies, by name
   * @param catalog where dataset names are looked up
   */
  public ExperimentRunner(
      ExperimentConfig config, Path configFile, SelectionService sampler, DataCatalog catalog) {
    this.config = config;
    this.configFile = configFile;
    this.sampler = sampler;
    this.catalog = catalog;
    this.store = new CellStore(config.resultsFolder());
  }

  /** Replaces the training progress display (tests pass a silent one). */
  public ExperimentRunner trainingProgress(Supplier<Progress> progress) {
    this.trainingProgress = progress;
    return this;
  }

  public CellStore store() {
    return store;
  }

  /** How many cells this runner computed (not skipped), for tests and logs. */
  public int cellsRun() {
    return cellsRun;
  }

  /** The model kinds a config may name. */
  public static Set<String> modelKinds() {
    return Arrays.stream(ModelKind.values())
        .map(ModelKind::id)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * Checks everything that can be checked without training: the config's fields, the strategies'
   * names and options, the datasets (made when a missing one has an {@code unbalance} recipe) and
   * each autoencoder's architecture on each dataset's images.
   *
   * @throws InputException listing every problem, before any training starts
   */
  public void prepare() {
    String source = configFile == null ? config.name() : configFile.toString();
    config.validate(source, new TreeSet<>(sampler.registry().names()), modelKinds());
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < config.strategies().size(); i++) {
      StrategySpec strategy = config.strategies().get(i);
      try {
        sampler.check(strategy.name(), strategy.optionValues());
      } catch (IllegalArgumentException e) {
        problems.add("strategies[" + i + "].options: " + e.getMessage());
      }
    }
    for (int i = 0; i < config.datasets().size(); i++) {
      DatasetSpec spec = config.datasets().get(i);
      try {
        PreparedData data = open(spec);
        datasets.put(spec.id(), data);
        for (int a = 0; a < config.autoencoders().size(); a++) {
          try {
            architecture(config.autoencoders().get(a), data);
          } catch (IllegalArgumentException e) {
            problems.add("autoencoders[" + a + "] on " + spec.id() + ": " + e.getMessage());
          }
        }
      } catch (InputException | IllegalArgumentException | UncheckedIOException e) {
        problems.add("datasets[" + i + "] (" + spec.data() + "): " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(
          source
              + ": "
              + (problems.size() == 1 ? "" : problems.size() + " problems: ")
              + String.join("; ", problems));
    }
    writeProvenance();
  }

  /** Prepares, then computes every cell not yet stored. */
  public ExperimentGrid.Progress run() {
    long start = System.nanoTime();
    prepare();
    ExperimentGrid.Progress progress = new ExperimentGrid(config, store).run(this::runCell);
    LOG.info(
        "experiment {}: {} cells, {} computed now, {} already stored; {} in {}",
        config.name(),
        progress.total(),
        progress.computed(),
        progress.skipped(),
        ExperimentGrid.duration((System.nanoTime() - start) / 1e9),
        store.folder());
    return progress;
  }

  private CellResult runCell(ExperimentCell cell) {
    PreparedData data = datasets.get(cell.dataset().id());
    Map<String, String> dataArtifacts = Map.of("data", cell.dataset().data());
    CellResult result;
    CellEvaluations.RecipeInputs recipe = recipeInputs(data, cell.recipe());
    if (cell.isBaseline()) {
      result =
          CellEvaluations.randomBaseline(
              cell, new CellData(data.pool(), scoredOn(data), dataArtifacts, null), recipe);
    } else {
      PreparedAutoencoder autoencoder = autoencoder(data, cell.autoencoder(), cell.trainingSeed());
      StrategySpec strategy = cell.strategy();
      StrategyOptions options = StrategyOptions.of(strategy.optionValues());
      if (sampler.registry().require(strategy.name()).needsReconstructionError()) {
        options =
            options.withScores(autoencoder.pool().errors(), autoencoder.pool().errorMeasure());
      }
      long start = System.nanoTime();
      SelectionService.Outcome outcome =
          sampler.select(
              strategy.name(),
              options,
              autoencoder.pool().encodings(),
              SelectionRequest.of(cell.key().budget(), cell.key().seed()));
      CellSelection selection =
          CellSelection.of(
              outcome.strategyName(),
              outcome.selection().parameters(),
              outcome.selection().indices(),
              (System.nanoTime() - start) / 1e9);
      result =
          CellEvaluations.evaluate(
              cell,
              new CellData(
                  data.pool(), scoredOn(data), autoencoder.artifacts(), autoencoder.seed()),
              selection,
              recipe);
    }
    cellsRun++;
    return result;
  }

  /** The encodings and encoder of the cell's recipe encoder, trained and encoded once per run. */
  private CellEvaluations.RecipeInputs recipeInputs(PreparedData data, CellRecipe recipe) {
    if (recipe.encoder() == null) {
      return CellEvaluations.RecipeInputs.NONE;
    }
    PreparedAutoencoder encoder = autoencoder(data, recipe.encoder(), recipe.encoderSeed());
    Encodings encodings = encoder.pool().encodings();
    return new CellEvaluations.RecipeInputs(
        encodings,
        () -> graphs.computeIfAbsent(encodings, CellEvaluations::spreadGraph),
        Path.of(encoder.artifacts().get("encoder")));
  }

  /** The examples the cells' classifiers are scored on: the config's split. */
  private Dataset scoredOn(PreparedData data) {
    if (!config.scoresOnTest() && data.validation().size() == 0) {
      throw new InputException(
          data.spec().data() + " has no validation examples to score on; set \"split\": \"test\"");
    }
    return config.scoresOnTest() ? data.test() : data.validation();
  }

  private PreparedData open(DatasetSpec spec) {
    Path folder = Path.of(spec.data());
    if (spec.unbalance() != null && !Files.exists(folder)) {
      LOG.info(
          "making the unbalanced dataset {} from {} ({})",
          folder,
          spec.unbalance().source(),
          spec.unbalance().settings());
      SplitDataset source = catalog.open(DataRequest.of(spec.unbalance().source()));
      UnbalanceSummary summary =
          new UnbalancedDatasetWriter(spec.unbalance().settings()).write(source, folder, false);
      LOG.info("wrote {}: pool per class {}", folder, summary.poolCountsAfter());
    } else if (spec.unbalance() != null
        && Files.isRegularFile(folder.resolve(UnbalanceSummary.FILE_NAME))) {
      UnbalanceSettings made =
          Json.read(folder.resolve(UnbalanceSummary.FILE_NAME), UnbalanceSummary.class).settings();
      if (!made.equals(spec.unbalance().settings())) {
        throw new InputException(
            folder
                + " was made with "
                + made
                + ", not the config's "
                + spec.unbalance().settings()
                + "; remove it to have it made again, or point 'data' elsewhere");
      }
    }
    SplitDataset split = catalog.open(DataRequest.of(spec.data()));
    Dataset pool = limited(split.split(Split.POOL), spec.limit());
    Dataset validation = limited(split.split(Split.VALIDATION), spec.limit());
    if (!split.hasTest()) {
      throw new InputException(spec.data() + " has no test split to evaluate on");
    }
    Dataset test = limited(split.split(Split.TEST), spec.testLimit());
    if (!pool.hasLabels() || !test.hasLabels()) {
      throw new InputException(spec.data() + " needs labels on its pool and test examples");
    }
    return new PreparedData(spec, split, pool, validation, test);
  }

  private static Dataset limited(Dataset dataset, Integer limit) {
    return limit == null || dataset.size() == 0 ? dataset : dataset.limit(limit);
  }

  private static AutoencoderConfig architecture(AutoencoderSpec spec, PreparedData data) {
    ModelKind kind = ModelKind.parse(spec.model());
    AutoencoderConfig.Builder model =
        AutoencoderConfig.preset(spec.preset(), data.pool().shape())
            .kind(kind)
            .latentDim(spec.latentDim());
    return (spec.tuning() == null ? model : spec.tuning().applyTo(model, kind)).build();
  }

  private TrainSettings trainSettings(AutoencoderSpec spec, PreparedData data, long seed) {
    TrainSettings.Builder training =
        TrainSettings.builder(architecture(spec, data), DataRequest.of(data.spec().data()))
            .limit(data.spec().limit())
            .epochs(spec.epochs())
            .seed(seed)
            .threads(config.threads());
    return (spec.tuning() == null ? training : spec.tuning().applyTo(training)).build();
  }

  /**
   * Trains (or reuses), exports and encodes an autoencoder for a dataset and training seed, once
   * per run.
   */
  private PreparedAutoencoder autoencoder(PreparedData data, AutoencoderSpec spec, long seed) {
    String name =
        data.spec().id() + "__" + spec.key() + (spec.variesTrainingSeed() ? "__t" + seed : "");
    PreparedAutoencoder prepared = autoencoders.get(name);
    if (prepared != null) {
      return prepared;
    }
    RunFolder run = new RunFolder(config.modelsFolder().resolve(RUNS).resolve(name));
    TrainSettings settings = trainSettings(spec, data, seed);
    Trainer.Start start =
        Files.isRegularFile(run.settings())
            ? Trainer.Start.RESUME
            : run.exists() ? Trainer.Start.REPLACE : Trainer.Start.NEW;
    LOG.info(
        "autoencoder {}: {} in {}",
        name,
        start == Trainer.Start.RESUME ? "reusing or resuming the run" : "training",
        run.path());
    new Trainer(settings, run)
        .progress(trainingProgress)
        .train(data.pool(), data.validation(), start);
    Path export = config.modelsFolder().resolve(SAVEDMODELS).resolve(name);
    if (!Files.exists(export) || olderThan(export, run.checkpoint())) {
      new SavedModelExporter()
          .export(
              new ExportSource(
                  settings.model(),
                  run.variablesPrefix(),
                  List.of(run.provenance(), run.settings())),
              export,
              true);
    }
    Map<String, String> artifacts = new LinkedHashMap<>();
    artifacts.put("data", data.spec().data());
    artifacts.put("autoencoderRun", run.path().toString());
    Path encoderPath = export.resolve(io.latentquery.contract.SavedModelContract.ENCODER_DIR);
    artifacts.put("encoder", encoderPath.toString());
    boolean needsErrors =
        config.strategies().stream()
            .anyMatch(s -> sampler.registry().require(s.name()).needsReconstructionError());
    Path autoencoderPath =
        needsErrors
            ? export.resolve(io.latentquery.contract.SavedModelContract.AUTOENCODER_DIR)
            : null;
    if (needsErrors) {
      artifacts.put("autoencoder", autoencoderPath.toString());
    }
    PoolSettings poolSettings =
        PoolSettings.builder()
            .models(
                EncodingModels.builder()
                    .encoder(encoderPath, SignatureSpec.encoder())
                    .autoencoder(autoencoderPath)
                    .batchSize(ENCODE_BATCH)
                    .threads(config.threads())
                    .build())
            .data(DataRequest.of(data.spec().data()), Split.POOL, data.spec().limit())
            .build();
    EncodedPool pool = EncodedPool.build(poolSettings, data.pool(), ProgressDisplay.silent());
    LOG.info(
        "encoded {} pool examples with {} in {}",
        pool.encodings().count(),
        name,
        ExperimentGrid.duration(pool.seconds()));
    prepared = new PreparedAutoencoder(pool, artifacts, seed);
    autoencoders.put(name, prepared);
    return prepared;
  }

  private static boolean olderThan(Path export, Path checkpoint) {
    try {
      return Files.exists(checkpoint)
          && Files.getLastModifiedTime(export).compareTo(Files.getLastModifiedTime(checkpoint)) < 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the experiment's provenance records besides versions and machine. */
  record ExperimentRecord(
      String config,
      String configSha256,
      ExperimentConfig settings,
      Map<String, Map<String, Object>> datasets,
      int cells) {}

  private void writeProvenance() {
    Map<String, Map<String, Object>> data = new LinkedHashMap<>();
    List<String> checksums = new ArrayList<>();
    for (PreparedData d : datasets.values()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("data", d.spec().data());
      entry.put("poolSize", d.pool().size());
      entry.put("testSize", d.test().size());
      entry.put("poolSha256", d.pool().checksum());
      entry.put("testSha256", d.test().checksum());
      Path unbalance = Path.of(d.spec().data()).resolve(UnbalanceSummary.FILE_NAME);
      if (Files.isRegularFile(unbalance)) {
        entry.put("unbalance", Json.read(unbalance, Map.class));
      }
      data.put(d.spec().id(), entry);
      checksums.add(d.pool().checksum());
    }
    String configSha = configFile == null ? null : Checksums.sha256(configFile);
    ExperimentRecord record =
        new ExperimentRecord(
            configFile == null ? null : configFile.toString(),
            configSha,
            config,
            data,
            config.cells().size());
    Json.write(
        store.folder().resolve(PROVENANCE),
        Provenance.capture("experiment run", record, 0, String.join(",", checksums)));
  }
}
