package io.latentquery.cli;

import io.latentquery.data.ImageShape;
import io.latentquery.data.SyntheticImages;
import io.latentquery.export.EncodingBenchmark;
import io.latentquery.model.AutoencoderConfig;
import io.latentquery.provenance.Versions;
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

/**
 * {@code lq bench encode}: how fast {@code lq encode} runs through a large pool, and how much
 * memory it needs, on synthetic images made as they are read.
 */
@Command(
    name = "encode",
    header = "Measure encoding throughput and peak memory.",
    mixinStandardHelpOptions = true,
    description =
        "Exports an untrained model of the preset and encodes --images synthetic 28x28 images"
            + " (made as they are read, never held) batch by batch, as lq encode does; reports"
            + " images/s and the process's peak resident memory. Run it with a small heap"
            + " (JAVA_OPTS=-Xmx512m) to check that memory does not grow with the pool.")
final class EncodeBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin VerboseMixin verbose;

  @Option(
      names = "--preset",
      defaultValue = "small",
      paramLabel = "NAME",
      description = "paper or small (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(
      names = "--images",
      defaultValue = "1000000",
      paramLabel = "N",
      description = "Synthetic images to encode (default: ${DEFAULT-VALUE}).")
  int images;

  @Option(
      names = "--batch-size",
      defaultValue = "256",
      paramLabel = "B",
      description = "Images per encoder call (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--threads",
      defaultValue = "2",
      paramLabel = "N",
      description = "TensorFlow threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "Seed of the synthetic pixels (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    if (images < 1) {
      throw OptionErrors.usage(spec, "--images must be >= 1, got " + images);
    }
    ImageShape shape = new ImageShape(28, 28, 1);
    AutoencoderConfig config =
        OptionErrors.settings(spec, () -> AutoencoderConfig.preset(preset, shape).build());
    EncodingBenchmark benchmark =
        OptionErrors.settings(spec, () -> new EncodingBenchmark(config, batchSize, threads));
    EncodingBenchmark.Result result;
    try (BatchProgress progress = BatchProgress.start("encode", images)) {
      result = benchmark.run(new SyntheticImages(shape, images, seed), progress);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println(
        String.format(
            Locale.ROOT,
            "encoding throughput: %.1f images/s (%d images in %.1f s; preset %s, L = %d, %s input,"
                + " batch %d, %d threads)",
            result.imagesPerSecond(),
            result.images(),
            result.seconds(),
            preset,
            result.latentDim(),
            shape,
            batchSize,
            threads));
    stdout.println(
        String.format(
            Locale.ROOT,
            "memory: peak RSS %s, max heap %d MiB",
            status("VmHWM"),
            Runtime.getRuntime().maxMemory() >> 20));
    stdout.println(
        String.format(
            Locale.ROOT,
            "machine: %d cores, %s; TensorFlow %s",
            Runtime.getRuntime().availableProcessors(),
            BenchCommand.Train.cpuModel(),
            Versions.current().getOrDefault("tensorflow", "?")));
    return 0;
  }

  /** A field of /proc/self/status (e.g. VmHWM, the peak resident set), or "unknown". */
  static String status(String field) {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(line -> line.startsWith(field + ":"))
          .map(line -> line.substring(field.length() + 1).trim())
          .findFirst()
          .orElse("unknown");
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
