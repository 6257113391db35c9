package io.latentquery.cli;

import io.latentquery.data.DataCatalog;
import io.latentquery.data.DataRequest;
import io.latentquery.data.Dataset;
import io.latentquery.data.ImageShape;
import io.latentquery.data.Split;
import io.latentquery.files.Json;
import io.latentquery.model.AutoencoderConfig;
import io.latentquery.model.ConvLayout;
import io.latentquery.model.FlopCount;
import io.latentquery.model.TrainingOps;
import io.latentquery.provenance.Provenance;
import io.latentquery.provenance.Versions;
import io.latentquery.train.SessionSettings;
import io.latentquery.train.SgemmAlongsideTraining;
import io.latentquery.train.SgemmBenchmark;
import io.latentquery.train.StepProfile;
import io.latentquery.train.TrainingBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
      EmbeddingCompareCommand.class,
      TrainCompareCommand.class,
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
    private static final int SGEMM_WARMUP = 2;
    private static final int SGEMM_REPEATS = 10;

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
        names = "--inter-op-threads",
        defaultValue = "1",
        paramLabel = "N",
        description =
            "How many of the training graph's ops may run at once, sharing the --threads threads"
                + " (default: ${DEFAULT-VALUE}, as lq train).")
    int interOpThreads;

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
        names = "--xla",
        description =
            "Compile the training graph with XLA's just-in-time compiler (global_jit_level ON_1).")
    boolean xla;

    @Option(
        names = "--data-format",
        defaultValue = "NHWC",
        paramLabel = "NHWC|NCHW",
        description =
            "Layout of the feature maps between convolutions (default: ${DEFAULT-VALUE}); NCHW"
                + " runs only with oneDNN, TensorFlow's default on x86.")
    ConvLayout layout;

    @Option(
        names = "--no-relu-fusion",
        description =
            "Build each convolution's ReLU as its own op, as TensorFlow's gradients alone would"
                + " (default: convolution, bias and ReLU as one op in NHWC; NCHW never fuses).")
    boolean noReluFusion;

    @Option(
        names = "--no-tap-sum",
        description =
            "Build convolutions to 1 to 3 channels, such as the decoder's logits, as one Conv2D"
                + " (default: a matrix product and a shift-and-add in NHWC, same values, faster).")
    boolean noTapSum;

    @Option(
        names = "--profile",
        defaultValue = "0",
        paramLabel = "N",
        description =
            "Also trace N steps and print where a step's time goes, by op type (default: none).")
    int profileSteps;

    @Option(
        names = "--profile-nodes",
        defaultValue = "0",
        paramLabel = "N",
        description =
            "With --profile, also list the N slowest nodes by name, which tells the layers apart"
                + " (default: none).")
    int profileNodes;

    @Option(
        names = "--data",
        paramLabel = "NAME",
        description =
            "Train on this dataset's pool images (e.g. mnist) instead of random 28x28 pixels.")
    String data;

    @Option(
        names = "--sgemm-size",
        defaultValue = "4096",
        paramLabel = "N",
        description =
            "Size of the square float32 MatMul timed in TensorFlow as this machine's sgemm rate"
                + " (default: ${DEFAULT-VALUE}).")
    int sgemmSize;

    @Mixin FiguresFileOptions figuresFile;

    @Override
    public Integer call() {
      figuresFile.checkFree();
      Dataset images =
          data == null ? null : DataCatalog.standard().open(DataRequest.of(data)).split(Split.POOL);
      ImageShape shape = images == null ? new ImageShape(28, 28, 1) : images.shape();
      AutoencoderConfig config =
          OptionErrors.settings(
              spec, () -> architecture.apply(AutoencoderConfig.preset(preset, shape)).build());
      if (threads < 1) {
        throw OptionErrors.usage(spec, "--threads must be >= 1, got " + threads);
      }
      if (interOpThreads < 1) {
        throw OptionErrors.usage(spec, "--inter-op-threads must be >= 1, got " + interOpThreads);
      }
      SessionSettings sessionSettings =
          new SessionSettings(
              threads, interOpThreads, xla, layout, new TrainingOps(!noReluFusion, !noTapSum));
      TrainingBenchmark benchmark =
          OptionErrors.settings(
              spec, () -> new TrainingBenchmark(config, batchSize, sessionSettings, warmup, steps));
      if (sgemmSize < 1) {
        throw OptionErrors.usage(spec, "--sgemm-size must be >= 1, got " + sgemmSize);
      }
      if (profileSteps < 0) {
        throw OptionErrors.usage(spec, "--profile must be >= 0, got " + profileSteps);
      }
      if (profileNodes < 0) {
        throw OptionErrors.usage(spec, "--profile-nodes must be >= 0, got " + profileNodes);
      }
      if (profileNodes > 0 && profileSteps == 0) {
        throw OptionErrors.usage(spec, "--profile-nodes needs --profile N with N >= 1");
      }
      SgemmBenchmark sgemmBenchmark =
          new SgemmBenchmark(sgemmSize, threads, SGEMM_WARMUP, SGEMM_REPEATS);
      SgemmAlongsideTraining.Result measured =
          new SgemmAlongsideTraining(benchmark, sgemmBenchmark).run(images);
      TrainingBenchmark.Result result = measured.training();
      StepProfile profile = profileSteps == 0 ? null : benchmark.profile(images, profileSteps);
      StepProfileTable profileTable =
          profile == null ? null : new StepProfileTable(profile, profileNodes);
      FlopCount flops = FlopCount.of(config);
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.println(
          String.format(
              Locale.ROOT,
              "training throughput: %.1f images/s (%.3f s/step; preset %s with filters %s, %d convolution(s) per level, dense %s, L = %d, %s input, batch %d, %d threads, %d inter-op%s, %s, %s, %d steps after %d warm-up, %s)",
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
              interOpThreads,
              xla ? ", XLA JIT" : "",
              layout,
              sessionSettings
                  .ops()
                  .in(layout)
                  .forFewestFilters(config.fewestConvolutionFilters())
                  .describe(),
              steps,
              warmup,
              data == null ? "random pixels" : data + " pool"));
      stdout.println(
          String.format(
              Locale.ROOT,
              "machine: %d cores, %s; TensorFlow %s; TF_ENABLE_ONEDNN_OPTS=%s",
              Runtime.getRuntime().availableProcessors(),
              cpuModel(),
              Versions.current().getOrDefault("tensorflow", "?"),
              oneDnnSetting()));
      TrainBenchRates rates = new TrainBenchRates(measured, flops, threads, SGEMM_WARMUP);
      rates.lines().forEach(stdout::println);
      if (profile != null) {
        profileTable.print(stdout);
      }
      if (xla) {
        stdout.println(xlaNote(profile));
      }
      if (figuresFile.out != null) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("preset", preset);
        settings.put("architecture", config);
        settings.put("batch_size", batchSize);
        settings.put("threads", threads);
        settings.put("inter_op_threads", interOpThreads);
        settings.put("xla_jit", xla);
        settings.put("data_format", layout.dataFormat());
        settings.put("relu_fusion", !noReluFusion);
        settings.put("tap_sum", !noTapSum);
        settings.put("tf_enable_onednn_opts", oneDnnSetting());
        settings.put("tf_xla_flags", xlaFlags());
        settings.put("profile_steps", profileSteps);
        settings.put("profile_nodes", profileNodes);
        settings.put("steps", steps);
        settings.put("warmup", warmup);
        settings.put("data", data == null ? "random pixels" : data);
        settings.put("sgemm_size", sgemmSize);
        settings.put("sgemm_warmup", SGEMM_WARMUP);
        settings.put("sgemm_repeats", SGEMM_REPEATS);
        settings.put("sgemm_timing", "between the timed training steps");
        Map<String, Object> figures = rates.figures();
        Provenance.Builder provenance =
            Provenance.builder("bench train")
                .settings(settings)
                .seed(1)
                .dataChecksum(images == null ? null : images.checksum());
        figures.forEach(provenance::result);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("results", figures);
        record.put("machine", cpuModel());
        if (profile != null) {
          record.put("profile", profileTable.json());
        }
        record.put("provenance", provenance.build());
        Json.write(figuresFile.out, record);
        stdout.println("figures -> " + figuresFile.out);
      }
      return 0;
    }

    /**
     * Whether XLA clusters ran (when profiled), and the flag that CPU clustering needs: without it,
     * TensorFlow ignores global_jit_level on the CPU.
     */
    static String xlaNote(StepProfile profile) {
      String ran =
          profile == null
              ? "xla: not traced (add --profile N to see whether compiled clusters ran)"
              : profile.ops().stream()
                  .filter(op -> op.type().equals("_XlaRun"))
                  .findFirst()
                  .map(op -> "xla: " + op.nodes() + " compiled cluster(s) ran per step (_XlaRun)")
                  .orElse("xla: no compiled cluster ran");
      return xlaFlags().contains("--tf_xla_cpu_global_jit")
          ? ran
          : ran
              + "; on the CPU, global_jit_level takes effect only when the JVM starts with"
              + " TF_XLA_FLAGS=--tf_xla_cpu_global_jit";
    }

    static String xlaFlags() {
      String value = System.getenv("TF_XLA_FLAGS");
      return value == null ? "" : value;
    }

    /** The oneDNN switch TensorFlow read at start-up ("unset": TensorFlow's default, on). */
    static String oneDnnSetting() {
      String value = System.getenv("TF_ENABLE_ONEDNN_OPTS");
      return value == null ? "unset" : value;
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
