package io.latentquery.train;

/**
 * Training's arithmetic rate against this machine's sgemm, three ways from one {@link
 * SgemmAlongsideTraining.Result}.
 *
 * @param trainingGflopsPerSecond training FLOPs over the timed steps' total wall-clock time
 * @param wall that against the median product's GFLOP/s: the headline share
 * @param trainingGflopsPerCpuSecond training FLOPs over the steps' CPU time, NaN where not measured
 * @param cpuTime that against the products' GFLOP per CPU-second, NaN where not measured
 * @param medianStepGflopsPerSecond training FLOPs of one step over the median step's seconds
 * @param medianStep that against the median product's GFLOP/s: each part's typical rate, which a
 *     step or a product that other work slowed does not move
 */
public record SgemmShares(
    double trainingGflopsPerSecond,
    double wall,
    double trainingGflopsPerCpuSecond,
    double cpuTime,
    double medianStepGflopsPerSecond,
    double medianStep) {

  /** The shares of {@code measured}, for a model costing {@code trainingFlopsPerImage}. */
  public static SgemmShares of(
      SgemmAlongsideTraining.Result measured, double trainingFlopsPerImage) {
    TrainingBenchmark.Result training = measured.training();
    SgemmBenchmark.Result sgemm = measured.sgemm();
    double gflopsPerImage = trainingFlopsPerImage / 1e9;
    double wallRate = training.imagesPerSecond() * gflopsPerImage;
    double cpuRate = training.imagesPerCpuSecond() * gflopsPerImage;
    double medianRate = training.imagesPerSecondAtMedianStep() * gflopsPerImage;
    return new SgemmShares(
        wallRate,
        wallRate / sgemm.gflopsPerSecond(),
        cpuRate,
        cpuRate / sgemm.gflopsPerCpuSecond(),
        medianRate,
        medianRate / sgemm.gflopsPerSecond());
  }
}
