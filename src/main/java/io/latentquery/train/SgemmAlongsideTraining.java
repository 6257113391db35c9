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
  /** Both results. */
  public record Result(TrainingBenchmark.Result training, SgemmBenchmark.Result sgemm) {}

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
