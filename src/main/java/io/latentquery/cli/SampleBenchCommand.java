package io.latentquery.cli;

import io.latentquery.InputException;
import io.latentquery.inference.Encodings;
import io.latentquery.sampling.Points;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.cluster.Clustering;
import io.latentquery.sampling.cluster.WardClustering;
import io.latentquery.sampling.cluster.WardMode;
import io.latentquery.sampling.io.LatentFile;
import io.latentquery.sampling.strategy.StrategyOptions;
import io.latentquery.sampling.strategy.StrategyRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lq bench sample}: how fast the sampler is on synthetic 2-D encodings (a mixture of
 * Gaussian blobs, like an autoencoder's latent space). Prints a Markdown table for
 * docs/benchmarks.md. Measures, never asserts.
 */
@Command(
    name = "sample",
    header = "Time the samplers on synthetic encodings.",
    mixinStandardHelpOptions = true,
    description = {
      "Time the sampler on synthetic 2-D encodings: uniform and normal selecting n from N points,",
      "exact Ward on --ward-points (with peak heap), approximate Ward on --approx-points, and normal-cluster",
      "end to end on a pool of --pool-points. Prints a Markdown table.",
      "--at-scale times instead reading a --points-row latent CSV (L = 2 and 16) and kmeans and",
      "typiclust end to end from it, with their k-means objective. --misses times instead uniform",
      "in R^16, where nearly every draw misses."
    })
final class SampleBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin VerboseMixin verbose;

  @Option(
      names = "--points",
      defaultValue = "1000000",
      description = "N for uniform and normal (default: ${DEFAULT-VALUE}).")
  int points;

  @Option(
      names = {"-n", "--n"},
      defaultValue = "1000",
      description = "Examples to select (default: ${DEFAULT-VALUE}).")
  int budget;

  @Option(
      names = "--ward-points",
      defaultValue = "70000",
      description = "Points for exact Ward (default: ${DEFAULT-VALUE}).")
  int wardPoints;

  @Option(
      names = "--approx-points",
      defaultValue = "1000000",
      description = "Points for approximate Ward (default: ${DEFAULT-VALUE}).")
  int approxPoints;

  @Option(
      names = "--pool-points",
      defaultValue = "50000",
      description = "Pool for normal-cluster end to end (default: ${DEFAULT-VALUE}).")
  int poolPoints;

  @Option(
      names = "--repeats",
      defaultValue = "3",
      description =
          "Timed runs of the fast cases; the best is reported (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the data and the samplers (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--baselines",
      description =
          "Also time kmeans, kcenter, typiclust and probcover on 50,000 points, L = 2 and 16, n = 100 and 1,000.")
  boolean baselines;

  @Option(
      names = "--at-scale",
      description =
          "Only the million-point cases: write and read back a --points-row latent CSV (L = 2 and"
              + " 16), and kmeans and typiclust end to end from the L = 2 file (read + select),"
              + " with the k-means objective.")
  boolean atScale;

  @Option(
      names = "--full-lloyd",
      description =
          "With --at-scale, run kmeans and typiclust with --kmeans full instead (about a minute"
              + " each, once), on the same points, for the objective of full Lloyd.")
  boolean fullLloyd;

  @Option(
      names = "--misses",
      description =
          "Only uniform selecting n from --points standard-normal points in R^16, where nearly"
              + " every draw falls far from the data: the time until it takes n or stops.")
  boolean misses;

  @Override
  public Integer call() {
    if (points < budget
        || budget < 1
        || wardPoints < 10
        || approxPoints < 10
        || poolPoints < budget
        || repeats < 1) {
      throw OptionErrors.usage(
          spec, "need 1 <= n <= --points and --pool-points, >= 10 Ward points and --repeats >= 1");
    }
    Runtime runtime = Runtime.getRuntime();
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println(
        "Machine: "
            + runtime.availableProcessors()
            + " processors, max heap "
            + runtime.maxMemory() / (1 << 20)
            + " MiB, Java "
            + System.getProperty("java.version")
            + ", "
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.arch"));
    stdout.println();
    stdout.println("| case | points | result | wall s | cpu s | peak heap |");
    stdout.println("|---|---|---|---|---|---|");
    StrategyRegistry registry = StrategyRegistry.standard();
    if (atScale) {
      atScale(registry);
      return 0;
    }
    if (misses) {
      Points normal = standardNormal(points, 16, seed);
      Timed<String> run = time(() -> uniformOutcome(registry, normal));
      row("uniform n = " + budget + ", L = 16, standard normal", points, run.value(), run);
      return 0;
    }
    Points big = blobs(points, seed);
    for (String strategy : new String[] {"uniform", "normal"}) {
      Timed<Selection> run =
          best(
              () ->
                  registry
                      .create(strategy, StrategyOptions.none())
                      .select(big, SelectionRequest.of(budget, seed)));
      row(
          strategy + " n = " + budget,
          points,
          "threshold " + (float) (double) (Double) run.value().parameters().get("threshold"),
          run);
    }
    Points pool = blobs(poolPoints, seed + 1);
    Timed<Selection> clustered =
        time(
            () ->
                registry
                    .create("normal-cluster", StrategyOptions.of(Map.of()))
                    .select(pool, SelectionRequest.of(budget, seed)));
    row(
        "normal-cluster n = " + budget + " (exact Ward, k = 10)",
        poolPoints,
        clustered.value().size() + " selected",
        clustered);
    Points wardSet = blobs(wardPoints, seed + 2);
    Timed<Clustering> exact =
        time(() -> WardClustering.cluster(wardSet, 10, WardMode.EXACT, 10, seed).clustering());
    row(
        "Ward exact, blobs, cut k = 10",
        wardPoints,
        "sizes " + java.util.Arrays.toString(exact.value().sizes()),
        exact);
    Points square = uniformSquare(wardPoints, seed + 4);
    Timed<Clustering> exactSquare =
        time(() -> WardClustering.cluster(square, 10, WardMode.EXACT, 10, seed).clustering());
    row(
        "Ward exact, uniform square, cut k = 10",
        wardPoints,
        "sizes " + java.util.Arrays.toString(exactSquare.value().sizes()),
        exactSquare);
    Points approxSet = blobs(approxPoints, seed + 3);
    Timed<Clustering> approx =
        time(
            () ->
                WardClustering.cluster(
                        approxSet, 10, WardMode.APPROX, WardClustering.DEFAULT_CENTROIDS, seed)
                    .clustering());
    row(
        "Ward approx (" + WardClustering.DEFAULT_CENTROIDS + " k-means centres), cut k = 10",
            approxPoints,
        "sizes " + java.util.Arrays.toString(approx.value().sizes()), approx);
    if (baselines) {
      stdout.println();
      io.latentquery.sampling.baseline.BaselineBenchmark.run(stdout);
    }
    return 0;
  }

  /**
   * Writes {@code --points} rows of blob encodings as a latent CSV (as lq encode writes them) for L
   * = 2 and 16, times reading each back through {@link LatentFile#read}, then times kmeans and
   * typiclust from the L = 2 file: read, then select n.
   */
  private void atScale(StrategyRegistry registry) {
    Path dir;
    try {
      dir = Files.createTempDirectory("lq-bench-sample");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder: " + e.getMessage(), e);
    }
    try {
      Path plane = dir.resolve("z2.csv");
      for (int dim : fullLloyd ? new int[] {2} : new int[] {2, 16}) {
        Path csv = dim == 2 ? plane : dir.resolve("z" + dim + ".csv");
        LatentFile.write(csv, encodings(blobs(points, seed, dim)));
        long bytes = csv.toFile().length();
        if (fullLloyd) {
          continue;
        }
        Timed<Encodings> read = best(() -> LatentFile.read(csv));
        row(
            "read latent CSV, L = " + dim,
            points,
            String.format(
                java.util.Locale.ROOT, "%.1f MB, %d rows", bytes / 1e6, read.value().count()),
            read);
      }
      String[][] runs =
          fullLloyd
              ? new String[][] {{"kmeans", "full"}, {"typiclust", "full"}}
              : new String[][] {{"kmeans", "auto"}, {"typiclust", "auto"}};
      for (String[] run : runs) {
        StrategyOptions options = StrategyOptions.of(Map.of("kmeans", run[1]));
        Timed<Selection> selected =
            run[1].equals("full")
                ? time(() -> select(registry, run[0], options, plane))
                : best(() -> select(registry, run[0], options, plane));
        Map<String, Object> parameters = selected.value().parameters();
        row(
            run[0] + " n = " + budget + " from the CSV (--kmeans " + run[1] + ")",
            points,
            String.format(
                java.util.Locale.ROOT,
                "%s, k = %s, objective %.6g",
                parameters.get("kmeans_algorithm"),
                parameters.get("clusters"),
                (Double) parameters.get("inertia")),
            selected);
      }
    } finally {
      try (var files = Files.list(dir)) {
        for (Path file : files.toList()) {
          Files.deleteIfExists(file);
        }
        Files.deleteIfExists(dir);
      } catch (IOException e) {
        spec.commandLine().getErr().println("could not remove " + dir + ": " + e.getMessage());
      }
    }
  }

  /**
   * What uniform does on {@code pool}: how many it took, or the line it stopped with (the part
   * before its advice).
   */
  private String uniformOutcome(StrategyRegistry registry, Points pool) {
    try {
      Selection selection =
          registry
              .create("uniform", StrategyOptions.none())
              .select(pool, SelectionRequest.of(budget, seed));
      return selection.size() + " selected, " + selection.parameters().get("draws") + " draws";
    } catch (InputException e) {
      return e.getMessage().split(";")[0];
    }
  }

  private Selection select(
      StrategyRegistry registry, String strategy, StrategyOptions options, Path csv) {
    Points pool = Points.of(LatentFile.read(csv));
    return registry.create(strategy, options).select(pool, SelectionRequest.of(budget, seed));
  }

  /** Encodings of {@code points} with ids 0..N-1 and no labels. */
  private static Encodings encodings(Points points) {
    List<String> ids = new ArrayList<>(points.count());
    for (int i = 0; i < points.count(); i++) {
      ids.add(Integer.toString(i));
    }
    return new Encodings(points.toArray(), points.count(), points.dim(), ids, null);
  }

  /**
   * n points from ten Gaussian blobs in dimension dim: the 2-D blobs of {@link #blobs(int, long)}
   * in the first two coordinates, unit-variance noise scaled by the blob's spread in the rest.
   */
  static Points blobs(int n, long seed, int dim) {
    Points plane = blobs(n, seed);
    if (dim == 2) {
      return plane;
    }
    SplittableRandom rng = new SplittableRandom(seed + 100);
    double[] values = new double[n * dim];
    for (int i = 0; i < n; i++) {
      values[i * dim] = plane.get(i, 0);
      values[i * dim + 1] = plane.get(i, 1);
      for (int d = 2; d < dim; d++) {
        values[i * dim + d] = 0.5 * rng.nextGaussian();
      }
    }
    return new Points(values, n, dim);
  }

  /** n points from ten 2-D Gaussian blobs of different sizes and spreads. */
  static Points blobs(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] values = new double[2 * n];
    for (int i = 0; i < n; i++) {
      int blob = Math.min(9, (int) Math.floor(Math.sqrt(rng.nextDouble()) * 10));
      double angle = blob * 0.628;
      double spread = 0.3 + 0.1 * blob;
      values[2 * i] = 4 * Math.cos(angle) + spread * rng.nextGaussian();
      values[2 * i + 1] = 4 * Math.sin(angle) + spread * rng.nextGaussian();
    }
    return new Points(values, n, 2);
  }

  /** n points from the standard normal distribution in R^dim. */
  static Points standardNormal(int n, int dim, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] values = new double[n * dim];
    for (int i = 0; i < values.length; i++) {
      values[i] = rng.nextGaussian();
    }
    return new Points(values, n, dim);
  }

  /** n points uniform in the unit square: no structure for Ward to exploit. */
  static Points uniformSquare(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] values = new double[2 * n];
    for (int i = 0; i < values.length; i++) {
      values[i] = rng.nextDouble();
    }
    return new Points(values, n, 2);
  }

  /**
   * A result, its wall-clock and this thread's CPU seconds (the work is single-threaded), and peak
   * heap.
   */
  private record Timed<T>(T value, double seconds, double cpuSeconds, long peakHeap) {}

  private <T> Timed<T> best(Supplier<T> work) {
    Timed<T> best = null;
    for (int r = 0; r < repeats; r++) {
      Timed<T> run = time(work);
      if (best == null || run.seconds() < best.seconds()) {
        best = run;
      }
    }
    return best;
  }

  /**
   * Runs {@code work} once. The peak is the sum of the heap pools' peak use since a reset just
   * before, so it includes the input points already on the heap.
   */
  private static <T> Timed<T> time(Supplier<T> work) {
    System.gc();
    var pools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    pools.forEach(MemoryPoolMXBean::resetPeakUsage);
    var threads = ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    T value = work.get();
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
    long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    return new Timed<>(value, seconds, cpuSeconds, peak);
  }

  private void row(String name, int n, String result, Timed<?> run) {
    spec.commandLine()
        .getOut()
        .printf(
            java.util.Locale.ROOT,
            "| %s | %,d | %s | %.3f | %.3f | %d MiB |%n",
            name,
            n,
            result,
            run.seconds(),
            run.cpuSeconds(),
            run.peakHeap() / (1 << 20));
  }
}
