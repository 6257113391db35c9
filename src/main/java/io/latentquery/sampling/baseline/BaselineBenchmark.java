package io.latentquery.sampling.baseline;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.SelectionStrategy;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times the four baselines on seeded mixtures of Gaussians (N = 50,000 points in 2-D and 16-D, n =
 * 100 and 1,000) and prints a Markdown table for docs/benchmarks.md. Memory is reported two ways:
 * the peak heap in use above the post-GC baseline (sampled every 2 ms, so it includes garbage not
 * yet collected) and the bytes the selecting thread allocated in all. The last column is the
 * machine's one-minute load average after the run, since timings on a shared machine mean little
 * without it.
 *
 * <p>{@link #run(PrintWriter)} is what {@code lq bench sample} calls; {@link #main} runs it alone.
 * A selection that is refused (ProbCover's edge bound) is reported with its message.
 */
public final class BaselineBenchmark {
  /** One benchmark setting. */
  public record Case(int count, int dim, int budget) {}

  /** The default cases: N = 50,000 in 2-D and 16-D, n = 100 and 1,000. */
  public static final List<Case> CASES =
      List.of(
          new Case(50_000, 2, 100),
          new Case(50_000, 2, 1_000),
          new Case(50_000, 16, 100),
          new Case(50_000, 16, 1_000));

  private static final List<String> STRATEGIES =
      List.of("kmeans", "kcenter", "typiclust", "probcover");
  private static final int COMPONENTS = 10;

  private BaselineBenchmark() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    run(out);
    out.flush();
  }

  public static void run(PrintWriter out) {
    run(out, CASES, STRATEGIES);
  }

  /** Runs {@code strategies} (baseline names) on every case, one table row per run. */
  public static void run(PrintWriter out, List<Case> cases, List<String> strategies) {
    warmUp();
    out.printf(
        Locale.ROOT,
        "Java %s, %d processors, max heap %d MiB; mixture of %d unit Gaussians, seed 1%n%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        COMPONENTS);
    out.println(
        "| strategy | N | L | n | time (s) | peak heap above baseline (MiB) | allocated (MiB) | load | notes |");
    out.println("|---|---|---|---|---|---|---|---|---|");
    for (Case c : cases) {
      Points points = mixture(c.count(), c.dim(), COMPONENTS, 1);
      for (String name : strategies) {
        Measurement m = measure(strategy(name), points, SelectionRequest.of(c.budget(), 1));
        row(out, name, c, m);
        if (name.equals("probcover") && m.refused) {
          retryWithSmallerDelta(out, points, c);
        }
      }
    }
  }

  /**
   * What a user does after ProbCover refuses the automatic delta: halve it until the graph fits.
   * Only the run that fits is reported.
   */
  private static void retryWithSmallerDelta(PrintWriter out, Points points, Case c) {
    double delta = PurityDelta.choose(points, PurityRule.defaults(), 1).delta();
    for (int halvings = 1; halvings <= 8; halvings++) {
      delta /= 2;
      ProbCoverSettings given =
          new ProbCoverSettings(delta, PurityRule.defaults(), DeltaGraph.DEFAULT_MAX_EDGES);
      Measurement m =
          measure(new ProbCoverStrategy(given), points, SelectionRequest.of(c.budget(), 1));
      if (!m.refused) {
        row(
            out,
            String.format(
                Locale.ROOT, "probcover --delta %.3f (automatic / %d)", delta, 1 << halvings),
            c,
            m);
        return;
      }
    }
  }

  private static void row(PrintWriter out, String name, Case c, Measurement m) {
    out.printf(
        Locale.ROOT,
        "| %s | %,d | %d | %,d | %.2f | %.1f | %.0f | %.1f | %s |%n",
        name,
        c.count(),
        c.dim(),
        c.budget(),
        m.seconds,
        m.peakHeap / 1048576.0,
        m.allocated / 1048576.0,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        m.notes);
    out.flush();
  }

  static SelectionStrategy strategy(String name) {
    return switch (name) {
      case "kmeans" -> new KMeansStrategy(KMeansRuns.defaults());
      case "kcenter" -> new KCenterStrategy(KCenterStart.MEAN);
      case "typiclust" -> new TypiClustStrategy(TypiClustSettings.defaults());
      case "probcover" -> new ProbCoverStrategy(ProbCoverSettings.defaults());
      default -> throw new IllegalArgumentException("unknown baseline '" + name + "'");
    };
  }

  /** N points from a seeded mixture of unit Gaussians whose centres are N(0, 4^2 I). */
  public static Points mixture(int count, int dim, int components, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] centres = new double[components][dim];
    for (double[] c : centres) {
      for (int d = 0; d < dim; d++) {
        c[d] = 4 * gaussian(rng);
      }
    }
    double[] values = new double[count * dim];
    for (int i = 0; i < count; i++) {
      double[] c = centres[rng.nextInt(components)];
      for (int d = 0; d < dim; d++) {
        values[i * dim + d] = c[d] + gaussian(rng);
      }
    }
    return new Points(values, count, dim);
  }

  private static double gaussian(SplittableRandom rng) {
    double u = 1 - rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
  }

  private static void warmUp() {
    Points small = mixture(3_000, 4, COMPONENTS, 2);
    for (String name : STRATEGIES) {
      strategy(name).select(small, SelectionRequest.of(30, 2));
    }
  }

  private record Measurement(
      double seconds, long peakHeap, long allocated, String notes, boolean refused) {}

  private static Measurement measure(
      SelectionStrategy strategy, Points points, SelectionRequest request) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long baseline = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(baseline);
    Thread poller =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(2);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-poller");
    poller.setDaemon(true);
    poller.start();
    long allocatedBefore = allocatedBytes();
    long start = System.nanoTime();
    String notes;
    boolean refused = false;
    try {
      Selection selection = strategy.select(points, request);
      notes = notes(selection.parameters());
    } catch (IllegalArgumentException e) {
      notes = "refused: " + e.getMessage();
      refused = true;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long allocated = allocatedBytes() - allocatedBefore;
    poller.interrupt();
    try {
      poller.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    return new Measurement(seconds, peak.get() - baseline, allocated, notes, refused);
  }

  private static String notes(Map<String, Object> p) {
    return switch ((String) p.get("strategy")) {
      case "kmeans", "typiclust" ->
          String.format(
              Locale.ROOT,
              "k = %s, %s Lloyd iterations",
              p.get("clusters"),
              p.get("kmeans_iterations"));
      case "kcenter" ->
          String.format(Locale.ROOT, "covering radius %.3f", (double) p.get("covering_radius"));
      case "probcover" ->
          String.format(
              Locale.ROOT,
              "delta %.3f, %,d edges, covered %.3f, %s random picks",
              (double) p.get("delta"),
              (long) p.get("edges"),
              (double) p.get("covered_fraction"),
              p.get("random_picks"));
      default -> "";
    };
  }

  private static long allocatedBytes() {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (threads instanceof com.sun.management.ThreadMXBean sun
        && sun.isThreadAllocatedMemorySupported()) {
      return sun.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
    return -1;
  }
}
