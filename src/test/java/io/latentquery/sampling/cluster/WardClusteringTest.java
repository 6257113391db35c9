package io.latentquery.sampling.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.sampling.Points;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WardClusteringTest {
  private static Points random(int count, int dim) {
    Random rng = new Random(1);
    double[] values = new double[count * dim];
    for (int i = 0; i < values.length; i++) {
      values[i] = rng.nextGaussian();
    }
    return new Points(values, count, dim);
  }

  @Test
  void autoIsExactForLargeLowDimensionalPoolsAndSmallPoolsOnly() {
    assertTrue(WardClustering.exactInAuto(random(50_000, 2)));
    assertFalse(WardClustering.exactInAuto(random(50_000, 16)), "a 16-D pool of 50,000");
    assertTrue(WardClustering.exactInAuto(random(5_000, 16)));
    assertFalse(WardClustering.exactInAuto(random(100_001, 2)));
  }

  @Test
  void autoOnALargeSixteenDimensionalPoolRunsTheApproximateMode() {
    WardClustering.Result result =
        WardClustering.cluster(random(6_000, 16), 10, WardMode.AUTO, 200, 3);
    assertEquals(WardMode.APPROX, result.mode());
    assertEquals(10, result.clustering().clusters());
  }
}
