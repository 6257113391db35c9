package io.latentquery.sampling.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The samplers' first and second moments over {@value #DRAWS} draws, each within {@value #SE}
 * standard errors of its exact value, the standard error derived from the sample size and the
 * distribution's own moments. A wrong scale (variance where a standard deviation belongs), a
 * missing factor of the covariance or a shifted box moves a moment by tens of standard errors.
 */
class DistributionMomentsTest {
  private static final int DRAWS = 100_000;
  private static final double SE = 5;

  /** Sample means, and sample covariances with divisor N, of {@code draws} rows. */
  private record Moments(double[] mean, double[][] covariance) {
    static Moments of(double[][] draws) {
      int dim = draws[0].length;
      double[] mean = new double[dim];
      for (double[] row : draws) {
        for (int i = 0; i < dim; i++) {
          mean[i] += row[i] / draws.length;
        }
      }
      double[][] covariance = new double[dim][dim];
      for (double[] row : draws) {
        for (int i = 0; i < dim; i++) {
          for (int j = 0; j < dim; j++) {
            covariance[i][j] += (row[i] - mean[i]) * (row[j] - mean[j]) / draws.length;
          }
        }
      }
      return new Moments(mean, covariance);
    }
  }

  private static double[][] draw(LatentDistribution f, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] draws = new double[DRAWS][f.dim()];
    for (double[] row : draws) {
      f.sample(rng, row);
    }
    return draws;
  }

  @Test
  void uniformBoxDrawsStayInTheBoxWithTheMomentsOfAUniform() {
    double[] min = {-1, 2, 0, 7};
    double[] max = {3, 2.5, 10, 7};
    double[][] draws = draw(new UniformBox(min, max), 11);
    Moments m = Moments.of(draws);
    for (int d = 0; d < min.length; d++) {
      double width = max[d] - min[d];
      double lowest = Double.POSITIVE_INFINITY;
      double highest = Double.NEGATIVE_INFINITY;
      for (double[] row : draws) {
        assertTrue(row[d] >= min[d] && row[d] <= max[d], "coordinate " + d + ": " + row[d]);
        lowest = Math.min(lowest, row[d]);
        highest = Math.max(highest, row[d]);
      }
      // P(no draw in the lowest 0.1% of the width) = 0.999^100000, about e^-100.
      assertTrue(lowest <= min[d] + width * 1e-3, "coordinate " + d + " reaches its minimum");
      assertTrue(highest >= max[d] - width * 1e-3, "coordinate " + d + " reaches its maximum");
      // Uniform on [a, b]: mean (a+b)/2, variance w^2/12, fourth central moment w^4/80.
      double variance = width * width / 12;
      double fourth = Math.pow(width, 4) / 80;
      assertEquals(
          (min[d] + max[d]) / 2, m.mean()[d], SE * Math.sqrt(variance / DRAWS) + 1e-9, "mean");
      assertEquals(
          variance,
          m.covariance()[d][d],
          SE * Math.sqrt((fourth - variance * variance) / DRAWS) + 1e-9,
          "variance of coordinate " + d);
    }
    double sd0 = 4 / Math.sqrt(12);
    double sd2 = 10 / Math.sqrt(12);
    assertEquals(0, m.covariance()[0][2], SE * sd0 * sd2 / Math.sqrt(DRAWS), "independent axes");
  }

  @Test
  void normalDrawsHaveTheMeanAndFullCovarianceTheyWereGiven() {
    double[] mean = {1, -2, 0.5};
    double[][] covariance = {{4, 1.2, -0.8}, {1.2, 2, 0.3}, {-0.8, 0.3, 1}};
    Moments m = Moments.of(draw(new MultivariateNormal(mean, covariance), 12));
    for (int i = 0; i < 3; i++) {
      assertEquals(mean[i], m.mean()[i], SE * Math.sqrt(covariance[i][i] / DRAWS), "mean of " + i);
      for (int j = 0; j < 3; j++) {
        // For a normal, Var(s_ij) = (S_ii S_jj + S_ij^2) / N to first order.
        double se =
            Math.sqrt(
                (covariance[i][i] * covariance[j][j] + covariance[i][j] * covariance[i][j])
                    / DRAWS);
        assertEquals(covariance[i][j], m.covariance()[i][j], SE * se, "covariance " + i + "," + j);
      }
    }
  }

  @Test
  void aSingularNormalDrawsOnItsLine() {
    // Cov of (t, 2t) with Var t = 3: every draw satisfies y - 2 = 2 (x - 1) and x has variance 3.
    double[][] covariance = {{3, 6}, {6, 12}};
    double[][] draws = draw(new MultivariateNormal(new double[] {1, 2}, covariance), 13);
    for (double[] row : draws) {
      assertEquals(2 * (row[0] - 1), row[1] - 2, 1e-9);
    }
    Moments m = Moments.of(draws);
    assertEquals(3, m.covariance()[0][0], SE * Math.sqrt(2 * 9.0 / DRAWS));
  }
}
