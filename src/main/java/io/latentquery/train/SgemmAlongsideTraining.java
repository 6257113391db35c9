package io.latentquery.train;

import io.latentquery.data.Dataset;

/**
 * Training throughput and this machine's sgemm rate measured over the same minutes: the sgemm's
 * timed products run between the timed training steps, spread evenly over them, so that a machine
 * whose speed drifts (other tenants, clock changes) slows both alike and their ratio holds. The
 * products' warm-up runs before training starts; neither part's timing includes the other's.
 *
 * @param training the training benchmark
 * @param sgemm the matrix multiply, whose {@code repeats} products are spread over the steps
 */
public record SgemmAlongsideTraining(TrainingBenchmark training, SgemmBenchmark sgemm) {
  /**
   * Below this many CPU seconds in either part, the CPU-time share is rough: the process's CPU
   * clock that Java reads counts in ticks (10 ms on Linux), so a part that spans few ticks is
   * measured to within a few percent at best.
   */
  public static final double ROUGH_BELOW_CPU_SECONDS = 1.0;

  /**
   * Above this ratio of the slowest to the quickest step, or product, the machine's speed changed
   * during the run. In the steadiest runs measured on this project's 2-core machine, the steps
   * stayed within 1.04 to 1.20 and the products within 1.06 to 1.20 (docs/benchmarks.md).
   */
  public static final double UNEVEN_ABOVE = 1.25;

  /** Both results. */
  public record Result(TrainingBenchmark.Result training, SgemmBenchmark.Result sgemm) {
    /**
     * Whether both parts' CPU time was measured but either spans under {@link
     * #ROUGH_BELOW_CPU_SECONDS}.
     */
    public boolean cpuTimeRough() {
      double fewer = Math.min(training.cpuSeconds(), sgemm.cpuSeconds());
      return fewer > 0 && fewer < ROUGH_BELOW_CPU_SECONDS;
    }

    /** Whether the steps' or the products' times spread wider than {@link #UNEVEN_ABOVE}. */
    public boolean uneven() {
      return training.stepSpread() > UNEVEN_ABOVE || sgemm.spread() > UNEVEN_ABOVE;
    }
  }

  /** Runs both; {@code images} may be null for random pixels. */
  public Result run(Dataset images) {
    try (SgemmBenchmark.Sampler sampler = sgemm.open()) {
      TrainingBenchmark.Result trained =
          training.run(
              images,
              step -> {
                for (int i = productsAfter(step - 1); i < productsAfter(step); i++) {
                  sampler.time();
                }
              });
      return new Result(trained, sampler.result());
    }
  }

  /**
   * How many products have run once timed step {@code step} (from 0; -1 before the first) is done:
   * {@code repeats} in all after the last step, as evenly spaced as whole steps allow.
   */
  int productsAfter(int step) {
    return (int) ((long) (step + 1) * sgemm.repeats() / training.steps());
  }
}
