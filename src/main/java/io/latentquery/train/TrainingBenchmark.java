package io.latentquery.train;

import io.latentquery.data.Dataset;
import io.latentquery.model.AutoencoderConfig;
import io.latentquery.model.Batch;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Measures training throughput: images per second of full Adam steps (forward, backward, update)
 * after warm-up steps, on a dataset's images or on seeded random pixels.
 *
 * @param config the model
 * @param batchSize images per step
 * @param session TensorFlow threads and XLA
 * @param warmupSteps untimed steps first (graph optimisation, allocator warm-up)
 * @param steps timed steps
 */
public record TrainingBenchmark(
    AutoencoderConfig config, int batchSize, SessionSettings session, int warmupSteps, int steps) {
  public TrainingBenchmark {
    if (batchSize < 1 || warmupSteps < 0 || steps < 1) {
      throw new IllegalArgumentException(
          "batch size and steps must be >= 1 and warm-up >= 0, got "
              + batchSize
              + ", "
              + steps
              + ", "
              + warmupSteps);
    }
  }

  /**
   * The measurement.
   *
   * @param imagesPerSecond images per wall-clock second
   * @param secondsPerStep wall-clock seconds per step
   * @param imagesPerCpuSecond images per second of this process's CPU time (all threads): on a
   *     shared machine, this times the thread count estimates the figure on idle cores
   * @param steps timed steps
   * @param cpuSeconds this process's CPU seconds over the timed steps, NaN where not measured
   * @param stepSeconds every timed step's wall-clock seconds, in order
   */
  public record Result(
      double imagesPerSecond,
      double secondsPerStep,
      double imagesPerCpuSecond,
      int steps,
      double cpuSeconds,
      List<Double> stepSeconds) {
    public Result {
      stepSeconds = List.copyOf(stepSeconds);
    }

    /** The median step's wall-clock seconds: a step that other work slowed does not move it. */
    public double medianSecondsPerStep() {
      return Timings.median(stepSeconds);
    }

    /** The slowest step's time over the quickest's. */
    public double stepSpread() {
      return Timings.spread(stepSeconds);
    }

    /** Images per second at the median step's time. */
    public double imagesPerSecondAtMedianStep() {
      return imagesPerSecond * secondsPerStep / medianSecondsPerStep();
    }
  }

  /** Runs the benchmark; {@code images} may be null for random pixels. */
  public Result run(Dataset images) {
    return run(images, step -> {});
  }

  /**
   * Runs the benchmark and calls {@code afterStep} with each timed step's index (from 0) after that
   * step, outside the timing: the wall and CPU time it takes count for no step.
   */
  public Result run(Dataset images, IntConsumer afterStep) {
    try (TrainingSession session = new TrainingSession(config, 1, 1e-3, this.session)) {
      session.initialize();
      Batch[] batches = batches(images);
      for (int i = 0; i < warmupSteps; i++) {
        session.train(batches[i % batches.length]);
      }
      long nanos = 0;
      long cpuNanos = 0;
      boolean cpuKnown = true;
      List<Double> stepSeconds = new ArrayList<>();
      for (int i = 0; i < steps; i++) {
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        session.train(batches[i % batches.length]);
        long stepNanos = System.nanoTime() - start;
        nanos += stepNanos;
        stepSeconds.add(stepNanos / 1e9);
        cpuNanos += processCpuNanos() - cpuStart;
        cpuKnown &= cpuStart >= 0;
        afterStep.accept(i);
      }
      double seconds = nanos / 1e9;
      double cpuSeconds = cpuNanos / 1e9;
      double trained = steps * (double) batchSize;
      return new Result(
          trained / seconds,
          seconds / steps,
          cpuKnown && cpuSeconds > 0 ? trained / cpuSeconds : Double.NaN,
          steps,
          cpuKnown ? cpuSeconds : Double.NaN,
          stepSeconds);
    }
  }

  /**
   * Per-op step stats of {@code tracedSteps} traced Adam steps, taken in a fresh session after the
   * warm-up steps; {@code images} may be null for random pixels.
   */
  public StepProfile profile(Dataset images, int tracedSteps) {
    if (tracedSteps < 1) {
      throw new IllegalArgumentException("traced steps must be >= 1, got " + tracedSteps);
    }
    try (TrainingSession session = new TrainingSession(config, 1, 1e-3, this.session)) {
      session.initialize();
      Batch[] batches = batches(images);
      for (int i = 0; i < Math.max(1, warmupSteps); i++) {
        session.train(batches[i % batches.length]);
      }
      StepProfile.Builder profile = new StepProfile.Builder();
      for (int i = 0; i < tracedSteps; i++) {
        TrainingSession.TracedStep step = session.trace(batches[i % batches.length]);
        profile.add(step.stats(), step.wallMicros());
      }
      return profile.build();
    }
  }

  /** CPU time of the whole process, TensorFlow's native threads included; -1 when unknown. */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  private Batch[] batches(Dataset images) {
    Batch[] batches = new Batch[4];
    SplittableRandom random = new SplittableRandom(1);
    int pixels = config.input().size();
    for (int b = 0; b < batches.length; b++) {
      float[] values;
      if (images != null && images.size() >= batchSize) {
        int from = (b * batchSize) % (images.size() - batchSize + 1);
        values = images.batch(from, from + batchSize);
      } else {
        values = new float[batchSize * pixels];
        for (int i = 0; i < values.length; i++) {
          values[i] = (float) random.nextDouble();
        }
      }
      batches[b] = new Batch(values, batchSize, config.input(), true, Seeds.step(1, 0, b));
    }
    return batches;
  }
}
