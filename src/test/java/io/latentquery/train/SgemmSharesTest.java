package io.latentquery.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SgemmSharesTest {
  @Test
  void theThreeSharesByHand() {
    // Three steps of 64 images: 0.5, 0.82 and 0.6 s, 1.92 s in all, so 100 images/s and 0.64 s
    // per step; the median step, 0.6 s, gives 64 / 0.6 = 106.67 images/s. At 1.5 GFLOP per image:
    // 150 GFLOP/s by the total, 160 at the median step, 75 per CPU-second at 50 images per
    // CPU-second. The MatMul: 300 GFLOP/s at its median product, 150 per CPU-second.
    SgemmAlongsideTraining.Result measured =
        new SgemmAlongsideTraining.Result(
            new TrainingBenchmark.Result(100, 0.64, 50, 3, 3.84, List.of(0.5, 0.82, 0.6)),
            new SgemmBenchmark.Result(1024, 300, 0.00716, List.of(0.00716), 150, 0.0143));
    SgemmShares shares = SgemmShares.of(measured, 1.5e9);
    assertEquals(150, shares.trainingGflopsPerSecond(), 1e-9);
    assertEquals(0.5, shares.wall(), 1e-12);
    assertEquals(75, shares.trainingGflopsPerCpuSecond(), 1e-9);
    assertEquals(0.5, shares.cpuTime(), 1e-12);
    assertEquals(160, shares.medianStepGflopsPerSecond(), 1e-9);
    assertEquals(160.0 / 300, shares.medianStep(), 1e-12);
  }
}
