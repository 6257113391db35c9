package io.latentquery.cli;

import io.latentquery.InputException;
import io.latentquery.bench.EmbeddingBenchmark;
import io.latentquery.data.Dataset;
import io.latentquery.data.Split;
import io.latentquery.data.SplitDataset;
import io.latentquery.files.Json;
import io.latentquery.model.AutoencoderConfig;
import io.latentquery.model.ModelKind;
import io.latentquery.provenance.Provenance;
import io.latentquery.train.RunFolder;
import io.latentquery.train.TrainSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lq bench embedding}: trains each model kind with the same settings and reports the 1-NN
 * accuracy and trustworthiness of its encodings on the validation split (or, with {@code --split
 * test}, the test split), beside published figures for 2-D MNIST.
 */
@Command(
    name = "embedding",
    header = "Measure the embedding quality of each model kind.",
    mixinStandardHelpOptions = true,
    description = {
      "Embedding quality of each model kind: train it on the pool (no validation pass; --limit caps"
          + " the pool), encode the pool and the scored split with the exported encoder, report the"
          + " 1-nearest-neighbour accuracy of the scored encodings against the labelled pool"
          + " encodings and the trustworthiness T(k) on a seeded subset of them (ranks in pixel"
          + " space). The scored split is validation unless --split test: choose settings on"
          + " validation and score test once per final configuration, so that the test figure is"
          + " not the best of many tries. A run folder under --work with the same settings is"
          + " reused (and continued when --epochs grew). --beta applies to vae and vtsne,"
          + " --perplexity, --dof and --tsne-weight to tsne and vtsne.",
      "Published 1-NN accuracy of 2-D MNIST test embeddings (Sainburg et al. 2021): parametric"
          + " t-SNE 91.2%%, VAE 72.4%%, AE 76.5%%, t-SNE 94.1%%; parametric t-SNE on Fashion-MNIST"
          + " 68.3%%."
    })
final class EmbeddingBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin VerboseMixin verbose;
  @Mixin DataOptions data;

  @Option(
      names = "--models",
      defaultValue = "conv,vae,tsne,vtsne",
      split = ",",
      paramLabel = "KIND",
      description = "Kinds to train and measure (default: ${DEFAULT-VALUE}).")
  @Sets("model")
  List<String> models;

  @Option(
      names = "--preset",
      defaultValue = "small",
      paramLabel = "NAME",
      description = "paper or small (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(
      names = "--epochs",
      defaultValue = "5",
      paramLabel = "E",
      description = "Epochs per model (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(
      names = "--seed",
      defaultValue = "0",
      paramLabel = "S",
      description = "Training seed and trustworthiness subset seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--threads",
      defaultValue = "2",
      paramLabel = "N",
      description = "TensorFlow threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Mixin LossOptions loss;
  @Mixin ArchitectureOptions architecture;
  @Mixin OptimizerOptions optimizer;

  @Option(
      names = "--trust-subset",
      defaultValue = "5000",
      paramLabel = "N",
      description = "Test examples for trustworthiness (default: ${DEFAULT-VALUE}).")
  int trustSubset;

  @Option(
      names = "--k",
      defaultValue = "12",
      paramLabel = "K",
      description = "Trustworthiness neighbourhood (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(
      names = "--split",
      defaultValue = "validation",
      paramLabel = "SPLIT",
      description =
          "The split whose encodings are scored: validation (default; for choosing settings) or"
              + " test (once, for the final settings).")
  String split;

  @Mixin FiguresFileOptions figures;

  @Option(
      names = "--work",
      defaultValue = "bench-runs/embedding",
      paramLabel = "DIR",
      description =
          "Folder of the run folders, one per data set and kind (default: ${DEFAULT-VALUE}).")
  Path work;

  @Override
  public Integer call() {
    List<ModelKind> kinds =
        new ArrayList<>(new LinkedHashSet<>(models.stream().map(ModelKind::parse).toList()));
    Split scoredSplit = scoredSplit();
    figures.checkFree();
    EmbeddingBenchmark benchmark =
        OptionErrors.settings(spec, () -> new EmbeddingBenchmark(trustSubset, k, seed));
    SplitDataset splits = data.open();
    Dataset pool = data.limited(splits.split(Split.POOL));
    Dataset scored = splits.split(scoredSplit);
    if (scored.size() == 0) {
      throw new InputException(
          "the "
              + scoredSplit.label()
              + " split of "
              + data.request().dataset()
              + " is empty; give --validation-size or --split test");
    }
    Dataset noValidation = pool.subset("no validation", new int[0]);
    EmbeddingBenchmark.Inputs inputs =
        new EmbeddingBenchmark.Inputs(pool, noValidation, scored, scoredSplit);
    List<EmbeddingBenchmark.Result> results = new ArrayList<>();
    Map<String, AutoencoderConfig> architectures = new LinkedHashMap<>();
    AutoencoderConfig sizes =
        OptionErrors.settings(
            spec, () -> architecture.apply(AutoencoderConfig.preset(preset, pool.shape())).build());
    for (ModelKind kind : kinds) {
      AutoencoderConfig config =
          sizes.toBuilder()
              .kind(kind)
              .variational(loss.variational(kind))
              .tsne(loss.tsne(kind))
              .build();
      architectures.put(kind.id(), config);
      TrainSettings settings =
          TrainSettings.builder(config, data.request())
              .limit(data.limit)
              .epochs(epochs)
              .batchSize(optimizer.batchSize)
              .seed(seed)
              .learningRate(optimizer.learningRate)
              .learningRateFrom(optimizer.learningRateChanges())
              .threads(threads)
              .build();
      RunFolder run = new RunFolder(work.resolve(runName(kind)));
      results.add(benchmark.run(settings, run, inputs));
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println(
        String.format(
            Locale.ROOT,
            "embedding quality: %s, pool %d, scored on the %s split (%d examples), preset %s"
                + " (filters %s, %d convolution(s) per level, dense %s), L = %d, batch %d, seed %d",
            data.request().dataset(),
            pool.size(),
            scoredSplit.label(),
            scored.size(),
            preset,
            sizes.filters(),
            sizes.convolutionsPerLevel(),
            sizes.denseWidths(),
            sizes.latentDim(),
            optimizer.batchSize,
            seed));
    stdout.println(
        String.format(
            Locale.ROOT,
            "%-6s %6s %9s %9s %9s",
            "model",
            "epochs",
            "train s",
            "1-NN acc",
            "T(" + k + ")"));
    for (EmbeddingBenchmark.Result r : results) {
      stdout.println(
          String.format(
              Locale.ROOT,
              "%-6s %6d %9.1f %8.2f%% %9.4f  (T on %d %s examples)",
              r.kind(),
              r.epochs(),
              r.trainSeconds(),
              100 * r.oneNnAccuracy(),
              r.trustworthiness(),
              r.trustSize(),
              r.split().label()));
    }
    if (figures.out != null) {
      Map<String, Object> settings = new LinkedHashMap<>();
      settings.put("data", data.request().dataset());
      settings.put("limit", data.limit);
      settings.put("split", scoredSplit.label());
      settings.put("models", kinds.stream().map(ModelKind::id).toList());
      settings.put("preset", preset);
      settings.put("architectures", architectures);
      settings.put("epochs", epochs);
      settings.put("batch_size", optimizer.batchSize);
      settings.put("learning_rate", optimizer.learningRate);
      settings.put("learning_rate_from", optimizer.learningRateChanges());
      settings.put("trust_subset", trustSubset);
      settings.put("k", k);
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("split", scoredSplit.label());
      record.put("pool_checksum", pool.checksum());
      record.put("scored_checksum", scored.checksum());
      record.put("results", results);
      record.put(
          "provenance", Provenance.capture("bench embedding", settings, seed, pool.checksum()));
      Json.write(figures.out, record);
      stdout.println("figures -> " + figures.out);
    }
    return 0;
  }

  private Split scoredSplit() {
    String text = split.trim().toLowerCase(Locale.ROOT);
    if (text.equals("validation")) {
      return Split.VALIDATION;
    }
    if (text.equals("test")) {
      return Split.TEST;
    }
    throw OptionErrors.usage(spec, "--split must be validation or test, got '" + split + "'");
  }

  private String runName(ModelKind kind) {
    String dataName = Path.of(data.request().dataset()).getFileName().toString();
    return dataName + "-" + kind.id();
  }
}
