package io.latentquery.cli;

import io.latentquery.data.DataCatalog;
import io.latentquery.data.DataRequest;
import io.latentquery.data.Dataset;
import io.latentquery.data.ImageShape;
import io.latentquery.data.Split;
import io.latentquery.model.AutoencoderConfig;
import io.latentquery.provenance.Versions;
import io.latentquery.train.TrainingBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lq bench ...}: speed measurements, reported in docs/benchmarks.md. */
@Command(
    name = "bench",
    header = "Measure speed and embedding quality.",
    mixinStandardHelpOptions = true,
    description = "Measure speed and embedding quality.",
    subcommands = {
      BenchCommand.Train.class,
      EncodeBenchCommand.class,
      SampleBenchCommand.class,
      EmbeddingBenchCommand.class,
      SparkBenchCommand.class
    })
final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "train",
      header = "Measure training throughput in images per second.",
      mixinStandardHelpOptions = true,
      description = "Training throughput (images/s of full Adam steps) after warm-up.")
  static final class Train implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin VerboseMixin verbose;

    @Option(
        names = "--preset",
        defaultValue = "paper",
        paramLabel = "NAME",
        description = "paper or small (default: ${DEFAULT-VALUE}).")
    String preset;

    @Mixin ArchitectureOptions architecture;

    @Option(
        names = "--batch-size",
        defaultValue = "64",
        paramLabel = "B",
        description = "Images per step (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
        names = "--threads",
        defaultValue = "2",
        paramLabel = "N",
        description = "TensorFlow threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(
        names = "--steps",
        defaultValue = "30",
        paramLabel = "N",
        description = "Timed steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(
        names = "--warmup",
        defaultValue = "5",
        paramLabel = "N",
        description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
        names = "--data",
        paramLabel = "NAME",
        description =
            "Train on this dataset's pool images (e.g. mnist) instead of random 28x28 pixels.")
    String data;

    @Override
    public Integer call() {
      Dataset images =
          data == null ? null : DataCatalog.standard().open(DataRequest.of(data)).split(Split.POOL);
      ImageShape shape = images == null ? new ImageShape(28, 28, 1) : images.shape();
      AutoencoderConfig config =
          OptionErrors.settings(
              spec, () -> architecture.apply(AutoencoderConfig.preset(preset, shape)).build());
      TrainingBenchmark benchmark =
          OptionErrors.settings(
              spec, () -> new TrainingBenchmark(config, batchSize, threads, warmup, steps));
      TrainingBenchmark.Result result = benchmark.run(images);
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.println(
          String.format(
              Locale.ROOT,
              "training throughput: %.1f images/s (%.3f s/step; preset %s with filters %s, %d convolution(s) per level, dense %s, L = %d, %s input, batch %d, %d threads, %d steps after %d warm-up, %s)",
              result.imagesPerSecond(),
              result.secondsPerStep(),
              preset,
              config.filters(),
              config.convolutionsPerLevel(),
              config.denseWidths(),
              config.latentDim(),
              shape,
              batchSize,
              threads,
              steps,
              warmup,
              data == null ? "random pixels" : data + " pool"));
      stdout.println(
          String.format(
              Locale.ROOT,
              "cpu time: %.1f images per CPU-second (x%d threads = %.0f images/s if the cores were idle)",
              result.imagesPerCpuSecond(),
              threads,
              result.imagesPerCpuSecond() * threads));
      stdout.println(
          String.format(
              Locale.ROOT,
              "machine: %d cores, %s; TensorFlow %s",
              Runtime.getRuntime().availableProcessors(),
              cpuModel(),
              Versions.current().getOrDefault("tensorflow", "?")));
      return 0;
    }

    static String cpuModel() {
      try {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(line -> line.startsWith("model name"))
            .map(line -> line.substring(line.indexOf(':') + 1).trim())
            .findFirst()
            .orElse("unknown processor");
      } catch (IOException | RuntimeException e) {
        return "unknown processor";
      }
    }
  }
}
