package io.latentquery.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SgemmBenchmarkTest {
  @Test
  void theTimedMatMulIsTheProductOfTheTwoMatrices() {
    int n = 256;
    float[] a = SgemmBenchmark.random(n, 1);
    float[] b = SgemmBenchmark.random(n, 2);
    float[] product;
    try (SgemmBenchmark.Product graph = new SgemmBenchmark.Product(a, b, n, 2)) {
      graph.compute();
      product = graph.fetch();
    }
    assertEquals(n * n, product.length);
    double worst = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
          sum += (double) a[i * n + k] * b[k * n + j];
        }
        worst = Math.max(worst, Math.abs(sum - product[i * n + j]));
      }
    }
    // 256 terms of size <= 1 in float32: rounding stays far below 1e-3.
    assertTrue(worst < 1e-3, "largest difference from the brute-force product: " + worst);
  }

  @Test
  void theRateIsTwiceTheCubeOverTheMedianTime() {
    SgemmBenchmark.Result result = new SgemmBenchmark(64, 1, 1, 3).run();
    assertEquals(3, result.seconds().size());
    double[] sorted = result.seconds().stream().mapToDouble(Double::doubleValue).sorted().toArray();
    assertEquals(sorted[1], result.medianSeconds());
    assertEquals(2.0 * 64 * 64 * 64 / sorted[1] / 1e9, result.gflopsPerSecond(), 1e-9);
    // Products this small may finish within one tick of the process's CPU clock: then NaN.
    assertTrue(
        Double.isNaN(result.gflopsPerCpuSecond()) || result.gflopsPerCpuSecond() > 0,
        "per CPU-second: " + result.gflopsPerCpuSecond());
  }

  @Test
  void theSameSeedGivesTheSameMatrixAndAnotherSeedAnother() {
    assertEquals(
        java.util.Arrays.toString(SgemmBenchmark.random(8, 3)),
        java.util.Arrays.toString(SgemmBenchmark.random(8, 3)));
    assertTrue(SgemmBenchmark.random(8, 3)[0] != SgemmBenchmark.random(8, 4)[0]);
  }

  @Test
  void badSizesAreRefusedWithTheValues() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new SgemmBenchmark(0, 2, 1, 3));
    assertTrue(e.getMessage().contains("got 0, 2, 3, 1"), e.getMessage());
  }
}
