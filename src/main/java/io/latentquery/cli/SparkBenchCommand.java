package io.latentquery.cli;

import io.latentquery.files.Json;
import io.latentquery.spark.SparkRuns;
import io.latentquery.spark.SparkSelectionBench;
import io.latentquery.spark.StageMeter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lq bench spark}: lq spark select's stages on synthetic Parquet encodings. */
@Command(
    name = "spark",
    header = "Time lq spark select's stages on synthetic encodings.",
    mixinStandardHelpOptions = true,
    description = {
      "Writes --points standard normal encodings in R^--dim as Parquet under --work, then selects",
      "--n with each strategy; prints and (with --out) writes each stage's seconds, heap peak and",
      "resident-set peak (VmHWM) of this JVM, which runs the executors too under a local master."
    })
final class SparkBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--points",
      defaultValue = "1000000",
      description = "Pool size (default: ${DEFAULT-VALUE}).")
  long points;

  @Option(names = "--dim", defaultValue = "2", description = "L (default: ${DEFAULT-VALUE}).")
  int dim;

  @Option(names = "--n", defaultValue = "1000", description = "Budget (default: ${DEFAULT-VALUE}).")
  int n;

  @Option(
      names = "--strategies",
      split = ",",
      defaultValue = "random,uniform,normal,ae-error",
      description =
          "Strategies to time (default: ${DEFAULT-VALUE}); also uniform-cluster, normal-cluster,"
              + " kmeans and typiclust.")
  List<String> strategies;

  @Option(
      names = "--option",
      paramLabel = "KEY=VALUE",
      description =
          "A strategy option, as lq spark select takes it without dashes (repeatable), e.g."
              + " ward-centroids=500; every strategy timed must read it.")
  Map<String, String> options = new LinkedHashMap<>();

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--master",
      defaultValue = "local[2]",
      description = "Spark master (default: ${DEFAULT-VALUE}).")
  String master;

  @Option(
      names = "--work",
      required = true,
      paramLabel = "DIR",
      description = "Where the synthetic Parquet goes (replaced).")
  Path work;

  @Option(
      names = "--reuse",
      description =
          "Keep the Parquet under --work when it exists (from an earlier run's settings).")
  boolean reuse;

  @Option(names = "--out", paramLabel = "FILE", description = "Also write the figures as JSON.")
  Path out;

  @Override
  public Integer call() {
    SparkSelectionBench.Settings settings =
        OptionErrors.settings(
            spec,
            () ->
                SparkSelectionBench.Settings.builder()
                    .points(points)
                    .dim(dim)
                    .n(n)
                    .strategies(strategies)
                    .options(options)
                    .seed(seed)
                    .work(work.toAbsolutePath().toString())
                    .reuse(reuse)
                    .build());
    SparkCommand.requireSpark();
    SparkSelectionBench.Report report = SparkRuns.bench(master, settings);
    var stdout = spec.commandLine().getOut();
    stdout.printf(
        Locale.ROOT, "%d encodings, L = %d, n = %d, %s%n", points, dim, n, report.master());
    print(stdout, "(write)", report.write());
    for (SparkSelectionBench.Run run : report.runs()) {
      print(stdout, run.strategy(), run.stages());
      if (run.stoppedBecause() != null) {
        stdout.printf(Locale.ROOT, "%-9s stopped: %s%n", run.strategy(), run.stoppedBecause());
      }
    }
    if (out != null) {
      Json.write(out, report);
    }
    List<SparkSelectionBench.Run> stopped =
        report.runs().stream().filter(run -> run.stoppedBecause() != null).toList();
    for (SparkSelectionBench.Run run : stopped) {
      spec.commandLine().getErr().println("lq: " + run.stoppedBecause());
    }
    return stopped.isEmpty() ? 0 : 1;
  }

  private static void print(java.io.PrintWriter out, String what, List<StageMeter.Stage> stages) {
    for (StageMeter.Stage s : stages) {
      out.printf(
          Locale.ROOT,
          "%-9s %-10s %8.2f s  heap peak %6.0f MiB  VmHWM %6.0f MiB%n",
          what,
          s.name(),
          s.seconds(),
          s.heapPeakBytes() / 1048576.0,
          s.residentPeakBytes() / 1048576.0);
    }
  }
}
