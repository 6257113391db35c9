package io.latentquery.cli;

import io.latentquery.InputException;
import io.latentquery.contract.RunExport;
import io.latentquery.data.DataCatalog;
import io.latentquery.data.DataRequest;
import io.latentquery.data.Dataset;
import io.latentquery.data.ImageShape;
import io.latentquery.data.Split;
import io.latentquery.data.SplitDataset;
import io.latentquery.export.ExportSource;
import io.latentquery.export.SavedModelExporter;
import io.latentquery.files.OutputLock;
import io.latentquery.model.AutoencoderConfig;
import io.latentquery.model.ModelKind;
import io.latentquery.model.loss.TsneSettings;
import io.latentquery.model.loss.VariationalSettings;
import io.latentquery.train.RunFolder;
import io.latentquery.train.TrainResult;
import io.latentquery.train.TrainSettings;
import io.latentquery.train.Trainer;
import io.latentquery.train.TrainingStoppedException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** {@code lq train}: trains an autoencoder on the pool into models/NAME, then exports it. */
@Command(
    name = "train",
    header = "Train an autoencoder on the pool and export it.",
    mixinStandardHelpOptions = true,
    description =
        "Train an autoencoder on the pool split, with the validation loss each epoch and a checkpoint "
            + "after every epoch under --run; export SavedModels to savedmodels/NAME at the end. --beta applies to "
            + "the variational kinds (vae, vtsne), --perplexity, --dof and --tsne-weight to the t-SNE kinds (tsne, "
            + "vtsne); giving one to another kind is a usage error. t-SNE kinds need batches larger than the "
            + "perplexity: a last batch smaller than that joins the batch before it.")
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin VerboseMixin verbose;

  @ArgGroup(exclusive = false, heading = "Data (with --resume: the run's own unless given):%n")
  DataOptions data;

  @Option(
      names = "--model",
      defaultValue = "conv",
      paramLabel = "KIND",
      description =
          "Autoencoder kind: conv (plain), vae (variational), tsne (parametric t-SNE), vtsne (both). "
              + "Default: ${DEFAULT-VALUE}.")
  String model;

  @Mixin LossOptions loss;
  @Mixin ArchitectureOptions architecture;
  @Mixin OptimizerOptions optimizer;

  @Option(
      names = "--preset",
      defaultValue = "paper",
      paramLabel = "NAME",
      description =
          "Architecture sizes: paper (filters 64,32,32, 3 convolutions per level, dense 1024,1024) or small (fast). Default: ${DEFAULT-VALUE}.")
  String preset;

  @Option(
      names = "--dropout",
      defaultValue = "0",
      paramLabel = "P",
      description = "Dropout on the dense layers (default: ${DEFAULT-VALUE}).")
  double dropout;

  @Option(
      names = "--epochs",
      defaultValue = "10",
      paramLabel = "E",
      description = "Passes over the pool (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(
      names = "--seed",
      defaultValue = "0",
      paramLabel = "S",
      description = "Seed for weights, shuffling and noise (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "TensorFlow intra-op threads (default: all cores; one inter-op thread).")
  Integer threads;

  @Option(
      names = "--run",
      required = true,
      paramLabel = "DIR",
      description = "Run folder, e.g. models/mnist-conv.")
  Path run;

  @Option(
      names = "--resume",
      description =
          "Continue the run in --run from its last checkpoint, with its stored settings and data (only --epochs, "
              + "--threads and, through --learning-rate-from, the rates of epochs not yet trained may change).")
  boolean resume;

  @Option(names = "--force", description = "Replace an existing run (and its export).")
  boolean force;

  @Option(names = "--no-export", description = "Do not export SavedModels at the end.")
  boolean noExport;

  @Option(
      names = "--export-to",
      paramLabel = "DIR",
      description =
          "Export folder, recorded in the run's export.json (default: savedmodels/NAME, NAME being the run folder's name; with --resume, the recorded one).")
  Path exportTo;

  @Override
  public Integer call() {
    if (resume && force) {
      throw OptionErrors.usage(spec, "--resume and --force exclude each other");
    }
    if (noExport && exportTo != null) {
      throw OptionErrors.usage(spec, "--no-export and --export-to exclude each other");
    }
    try (OutputLock lock = OutputLocks.claim(spec, run)) {
      return train();
    }
  }

  /** Trains and exports, holding the lock on --run. */
  private Integer train() {
    RunFolder folder = new RunFolder(run);
    Path exportTarget =
        noExport
            ? null
            : exportTo != null
                ? exportTo
                : resume ? RunExport.locate(run) : RunExport.defaultFolder(run);
    if (exportTarget != null && Files.exists(exportTarget) && !force && !resume) {
      throw new InputException(
          "export " + exportTarget + " exists; use --force to replace it or --export-to elsewhere");
    }
    boolean resuming = resume && Files.isRegularFile(folder.settings());
    TrainSettings settings;
    SplitDataset split;
    if (resuming) {
      TrainSettings stored = folder.readSettings();
      settings = OptionErrors.settings(spec, () -> resumedSettings(stored));
      split = DataCatalog.standard().open(settings.data());
    } else {
      if (data == null) {
        throw OptionErrors.usage(spec, "--data is required, except to --resume a run");
      }
      KindSettings kind = OptionErrors.settings(spec, this::kindSettings);
      DataRequest request = OptionErrors.settings(spec, data::request);
      SplitDataset opened = DataCatalog.standard().open(request);
      settings = OptionErrors.settings(spec, () -> settings(opened.shape(), kind));
      split = opened;
    }
    Dataset pool = limited(split.split(Split.POOL), settings.limit());
    Dataset validation = limited(split.split(Split.VALIDATION), settings.limit());
    Trainer.Start start =
        resume ? Trainer.Start.RESUME : force ? Trainer.Start.REPLACE : Trainer.Start.NEW;
    TrainResult result;
    try (SignalStop stop = SignalStop.install()) {
      try {
        result =
            new Trainer(settings, folder).stopWhen(stop.request()).train(pool, validation, start);
      } catch (TrainingStoppedException e) {
        spec.commandLine().getErr().println("lq: " + stopped(e));
        return stop.exitCode();
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        String.format(
            Locale.ROOT,
            "trained %s: %d epochs, train loss %.5f, validation loss %s",
            run,
            result.epochs(),
            result.trainLoss(),
            result.validationLoss() == null
                ? "-"
                : String.format(Locale.ROOT, "%.5f", result.validationLoss())));
    if (exportTarget != null) {
      ExportSource source =
          new ExportSource(
              settings.model(),
              folder.variablesPrefix(),
              List.of(folder.provenance(), folder.settings()));
      new SavedModelExporter().export(source, exportTarget, true);
      RunExport.record(run, exportTarget);
      out.println("exported " + exportTarget);
    }
    return 0;
  }

  /** What a stopped run kept and how to continue it, in one line. */
  private String stopped(TrainingStoppedException e) {
    String kept =
        e.lastEpoch() > 0
            ? "the checkpoint of epoch " + e.lastEpoch() + " is kept"
            : "no epoch had completed, so there is no checkpoint yet";
    return e.getMessage() + "; " + kept + "; resume with: lq train --run " + run + " --resume";
  }

  /** The --model kind and its loss settings, refusing options it does not use. */
  private record KindSettings(ModelKind kind, VariationalSettings variational, TsneSettings tsne) {}

  /**
   * The --model kind and its loss settings, checked before any data is read: loss options the kind
   * does not use are refused, and the t-SNE perplexity is checked against --batch-size.
   */
  private KindSettings kindSettings() {
    ModelKind kind = ModelKind.parse(model);
    loss.refuseUnusedBy(kind);
    TsneSettings tsne = loss.tsne(kind);
    if (tsne != null) {
      tsne.checkBatchSize(optimizer.batchSize);
    }
    return new KindSettings(kind, loss.variational(kind), tsne);
  }

  private TrainSettings settings(ImageShape shape, KindSettings kind) {
    AutoencoderConfig config =
        architecture
            .apply(AutoencoderConfig.preset(preset, shape))
            .kind(kind.kind())
            .dropout(dropout)
            .variational(kind.variational())
            .tsne(kind.tsne())
            .build();
    return TrainSettings.builder(config, data.request())
        .limit(data.limit)
        .epochs(epochs)
        .batchSize(optimizer.batchSize)
        .seed(seed)
        .learningRate(optimizer.learningRate)
        .learningRateFrom(optimizer.learningRateChanges())
        .threads(threads != null ? threads : Runtime.getRuntime().availableProcessors())
        .build();
  }

  /**
   * The run's stored settings as this resume asks to continue them: --epochs, --threads and
   * --learning-rate-from applied by {@link TrainSettings#resumedWith}, and --model and the loss
   * options, when given, laid over the stored model so that the trainer refuses a change. Loss
   * options are checked against the run's kind, not the default --model.
   */
  private TrainSettings resumedSettings(TrainSettings stored) {
    if (data != null) {
      stored.checkResumeData(data.request());
    }
    refuseChangedSettings(stored);
    AutoencoderConfig storedModel = stored.model();
    ModelKind kind =
        spec.commandLine().getParseResult().hasMatchedOption("--model")
            ? ModelKind.parse(model)
            : storedModel.kind();
    loss.refuseUnusedBy(kind);
    AutoencoderConfig requested =
        storedModel.toBuilder()
            .kind(kind)
            .variational(loss.variational(kind, storedModel.variational()))
            .tsne(loss.tsne(kind, storedModel.tsne()))
            .build();
    boolean epochsGiven = spec.commandLine().getParseResult().hasMatchedOption("--epochs");
    return stored.toBuilder()
        .model(requested)
        .build()
        .resumedWith(epochsGiven ? epochs : null, threads, optimizer.learningRateChanges());
  }

  /**
   * Refuses options that a resume cannot change (the seed, the batch, the first learning rate and
   * the architecture) when given with values other than the run's, naming each, rather than
   * silently keeping the run's own.
   */
  private void refuseChangedSettings(TrainSettings stored) {
    ParseResult given = spec.commandLine().getParseResult();
    AutoencoderConfig model = stored.model();
    List<String> changed = new ArrayList<>();
    changed(given, "--seed", seed, stored.seed(), changed);
    changed(given, "--batch-size", optimizer.batchSize, stored.batchSize(), changed);
    changed(given, "--learning-rate", optimizer.learningRate, stored.learningRate(), changed);
    changed(given, "--latent-dim", architecture.latentDim, model.latentDim(), changed);
    changed(given, "--dropout", dropout, model.dropout(), changed);
    changed(given, "--filters", architecture.filters, model.filters(), changed);
    changed(
        given,
        "--convolutions-per-level",
        architecture.convolutionsPerLevel,
        model.convolutionsPerLevel(),
        changed);
    changed(given, "--dense", architecture.dense, model.denseWidths(), changed);
    if (given.hasMatchedOption("--preset")) {
      AutoencoderConfig sizes = AutoencoderConfig.preset(preset, model.input()).build();
      if (!sizes.filters().equals(model.filters())
          || sizes.convolutionsPerLevel() != model.convolutionsPerLevel()
          || !sizes.denseWidths().equals(model.denseWidths())) {
        changed.add("--preset " + preset + " (the run has other sizes)");
      }
    }
    if (!changed.isEmpty()) {
      throw OptionErrors.usage(
          spec,
          String.join(", ", changed)
              + ": a resumed run keeps the settings it was trained with; leave "
              + (changed.size() == 1 ? "it" : "them")
              + " out, or train a new --run");
    }
  }

  private static void changed(
      ParseResult given, String option, Object value, Object stored, List<String> changed) {
    boolean same =
        value instanceof Number a && stored instanceof Number b
            ? a.doubleValue() == b.doubleValue()
            : java.util.Objects.equals(value, stored);
    if (given.hasMatchedOption(option) && !same) {
      changed.add(option + " " + text(value) + " (the run has " + text(stored) + ")");
    }
  }

  private static String text(Object value) {
    return value instanceof List<?> list
        ? String.join(",", list.stream().map(String::valueOf).toList())
        : String.valueOf(value);
  }

  private static Dataset limited(Dataset dataset, Integer limit) {
    return limit == null || dataset.size() == 0 ? dataset : dataset.limit(limit);
  }
}
