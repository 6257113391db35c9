package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.latentquery.model.FlopCount;
import io.latentquery.train.SgemmAlongsideTraining;
import io.latentquery.train.SgemmBenchmark;
import io.latentquery.train.TrainingBenchmark;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainBenchRatesTest {
  // 2 x 250 million multiply-adds: 1 GFLOP a forward pass, 3 GFLOP a trained image.
  private static final FlopCount FLOPS = new FlopCount(250_000_000, 250_000_000);

  /**
   * 4 steps of 10 images, 0.5 s each (20 images/s, so 60 GFLOP/s) and 40 images in {@code
   * trainingCpu} CPU-seconds; two 1000x1000 products at 100 GFLOP/s and 80 GFLOP per CPU-second
   * over {@code sgemmCpu} CPU-seconds.
   */
  private static SgemmAlongsideTraining.Result measured(double trainingCpu, double sgemmCpu) {
    return new SgemmAlongsideTraining.Result(
        new TrainingBenchmark.Result(
            20, 0.5, 40 / trainingCpu, 4, trainingCpu, List.of(0.5, 0.5, 0.5, 0.5)),
        new SgemmBenchmark.Result(1000, 100, 0.02, List.of(0.02, 0.02), 80, sgemmCpu));
  }

  @Test
  void theSharesAreGivenWithTheCpuTimeSteadyRoughOrNotMeasuredByHand() {
    // Wall: 60 against 100 GFLOP/s. CPU time: 40 images in 2 s, 20 per CPU-second, 60 GFLOP per
    // CPU-second against 80: 75%; in 4 s, 30 against 80: 37.5%, printed as 38%.
    List<String> steady = new TrainBenchRates(measured(2, 1), FLOPS, 2, 3).lines();
    assertEquals(
        "training runs at 60% of this machine's sgemm (by CPU time: 75%, 60.0 against 80.0 GFLOP"
            + " per CPU-second; the steadier figure when other work shares the cores)",
        steady.get(3));
    assertEquals(
        "cpu time: 20.0 images per CPU-second (x2 threads = 40 images/s if the cores were idle)",
        steady.get(0));
    assertEquals(
        "arithmetic: 3.0000 GFLOP per trained image (3 x the forward pass of 1.0000 GFLOP; encoder"
            + " 0.5000 GFLOP), 60.0 GFLOP/s of training",
        steady.get(1));
    assertEquals(
        "median step: 0.500 s, 60.0 GFLOP/s of training, 60% of the median product (each part's"
            + " typical rate, which a step or product that other work slowed does not move)",
        steady.get(4));
    String rough = new TrainBenchRates(measured(4, 0.5), FLOPS, 2, 3).lines().get(3);
    assertEquals(
        "training runs at 60% of this machine's sgemm (by CPU time: 38%, 30.0 against 80.0 GFLOP"
            + " per CPU-second; rough: 4.000 CPU-seconds of training and 0.500 of MatMul, on a CPU"
            + " clock that ticks every 10 ms on Linux)",
        rough);
    String none = new TrainBenchRates(measured(Double.NaN, 1), FLOPS, 2, 3).lines().get(3);
    assertEquals(
        "training runs at 60% of this machine's sgemm (by CPU time: not measured, the runs were too"
            + " short for the process's CPU clock)",
        none);
  }

  @Test
  void aRunWhoseStepsOrProductsSpreadWiderThanAQuarterIsCalledUneven() {
    assertEquals(5, new TrainBenchRates(measured(2, 1), FLOPS, 2, 3).lines().size());
    SgemmAlongsideTraining.Result slowStep =
        new SgemmAlongsideTraining.Result(
            new TrainingBenchmark.Result(20, 0.5, 20, 4, 2, List.of(0.4, 0.4, 0.4, 0.8)),
            new SgemmBenchmark.Result(1000, 100, 0.02, List.of(0.02, 0.024), 80, 1));
    List<String> lines = new TrainBenchRates(slowStep, FLOPS, 2, 3).lines();
    assertEquals(6, lines.size());
    assertEquals(
        "uneven: the slowest step took 2.00x the quickest and the slowest product 1.20x; the"
            + " machine's speed changed during the run, so repeat it or read the CPU-time share",
        lines.get(5));
  }

  @Test
  void theSgemmLineNamesTheProductsSizeCountAndWarmUp() {
    String sgemm = new TrainBenchRates(measured(2, 1), FLOPS, 2, 3).lines().get(2);
    assertEquals(
        "sgemm: 100.0 GFLOP/s (1000x1000 float32 MatMul in TensorFlow, 2 threads, median of 2"
            + " timed between the training steps after 3 warm-up, 0.0200 s each); 80.0 GFLOP per"
            + " CPU-second",
        sgemm);
  }
}
