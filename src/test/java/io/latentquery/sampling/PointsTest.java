package io.latentquery.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class PointsTest {
  @Test
  void meanAndSampleCovarianceByHand() {
    // Points (0,0), (2,0), (1,3): mean (1,1).
    // Centred: (-1,-1), (1,-1), (0,2). Sums: xx 2, xy 0, yy 6; divided by N - 1 = 2.
    Points points = Points.of(new double[][] {{0, 0}, {2, 0}, {1, 3}});
    assertArrayEquals(new double[] {1, 1}, points.mean(), 1e-12);
    double[][] covariance = points.covariance();
    assertArrayEquals(new double[] {1, 0}, covariance[0], 1e-12);
    assertArrayEquals(new double[] {0, 3}, covariance[1], 1e-12);
  }

  @Test
  void onePointHasZeroCovariance() {
    Points points = Points.of(new double[][] {{4, 5}});
    assertArrayEquals(new double[] {4, 5}, points.mean(), 1e-12);
    assertArrayEquals(new double[] {0, 0}, points.covariance()[1], 1e-12);
  }
}
