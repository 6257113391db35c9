package io.latentquery.cli;

import io.latentquery.bench.EmbeddingBenchmark;
import io.latentquery.data.Dataset;
import io.latentquery.data.Split;
import io.latentquery.data.SplitDataset;
import io.latentquery.model.AutoencoderConfig;
import io.latentquery.model.ModelKind;
import io.latentquery.train.RunFolder;
import io.latentquery.train.TrainSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lq bench embedding}: trains each model kind with the same settings and reports the 1-NN
 * accuracy and trustworthiness of its encodings, beside published figures for 2-D MNIST.
 */
@Command(
    name = "embedding",
    header = "Measure the embedding quality of each model kind.",
    mixinStandardHelpOptions = true,
    description = {
      "Embedding quality of each model kind: train it on the pool (no validation pass; --limit caps the pool), "
          + "encode pool and test splits with the exported encoder, report the 1-nearest-neighbour accuracy of "
          + "the test encodings against the labelled pool encodings and the trustworthiness T(k) on a seeded "
          + "test subset (ranks in pixel space). A run folder under --work with the same settings is reused "
          + "(and continued when --epochs grew). --beta applies to vae and vtsne, --perplexity, --dof and "
          + "--tsne-weight to tsne and vtsne.",
      "Published 1-NN accuracy of 2-D MNIST test embeddings (Sainburg et al. 2021): parametric t-SNE 91.2%%, "
          + "VAE 72.4%%, AE 76.5%%, t-SNE 94.1%%; parametric t-SNE on Fashion-MNIST 68.3%%."
    })
final class EmbeddingBenchCommand implements Callable<Integer> {
  @Mixin VerboseMixin verbose;
  @Mixin DataOptions data;

  @Option(
      names = "--models",
      defaultValue = "conv,vae,tsne,vtsne",
      split = ",",
      paramLabel = "KIND",
      description = "Kinds to train and measure (default: ${DEFAULT-VALUE}).")
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
    EmbeddingBenchmark benchmark = new EmbeddingBenchmark(trustSubset, k, seed);
    SplitDataset split = data.open();
    Dataset pool = data.limited(split.split(Split.POOL));
    Dataset test = split.split(Split.TEST);
    Dataset noValidation = pool.subset("no validation", new int[0]);
    List<EmbeddingBenchmark.Result> results = new ArrayList<>();
    AutoencoderConfig sizes =
        architecture.apply(AutoencoderConfig.preset(preset, pool.shape())).build();
    for (ModelKind kind : kinds) {
      AutoencoderConfig config =
          sizes.toBuilder()
              .kind(kind)
              .variational(loss.variational(kind))
              .tsne(loss.tsne(kind))
              .build();
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
      results.add(benchmark.run(settings, run, pool, noValidation, test));
    }
    System.out.println(
        String.format(
            Locale.ROOT,
            "embedding quality: %s, pool %d, test %d, preset %s (filters %s, %d convolution(s) per level, dense %s), L = %d, batch %d, seed %d",
            data.request().dataset(),
            pool.size(),
            test.size(),
            preset,
            sizes.filters(),
            sizes.convolutionsPerLevel(),
            sizes.denseWidths(),
            sizes.latentDim(),
            optimizer.batchSize,
            seed));
    System.out.println(
        String.format(
            Locale.ROOT,
            "%-6s %6s %9s %9s %9s",
            "model",
            "epochs",
            "train s",
            "1-NN acc",
            "T(" + k + ")"));
    for (EmbeddingBenchmark.Result r : results) {
      System.out.println(
          String.format(
              Locale.ROOT,
              "%-6s %6d %9.1f %8.2f%% %9.4f  (T on %d test examples)",
              r.kind(),
              r.epochs(),
              r.trainSeconds(),
              100 * r.oneNnAccuracy(),
              r.trustworthiness(),
              r.trustSize()));
    }
    return 0;
  }

  private String runName(ModelKind kind) {
    String dataName = Path.of(data.request().dataset()).getFileName().toString();
    return dataName + "-" + kind.id();
  }
}
