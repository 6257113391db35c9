package io.latentquery.sampling.distribution;

import io.latentquery.sampling.Points;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The normal distribution N(mean, Cov) with full covariance, fitted to points (sample covariance,
 * divisor N-1; zero for one point). Draws are {@code mean + V sqrt(Lambda) g} with {@code Cov = V
 * Lambda V^T} from a symmetric eigen-decomposition and g standard normal, with negative eigenvalues
 * (rounding) clamped to zero: a singular covariance, such as points on a line or a single point,
 * draws on that line or that point instead of failing as a Cholesky would.
 */
public final class MultivariateNormal implements LatentDistribution {
  private final double[] mean;
  private final double[][] covariance;
  private final double[][] transform;

  public MultivariateNormal(double[] mean, double[][] covariance) {
    int dim = mean.length;
    if (dim == 0 || covariance.length != dim) {
      throw new IllegalArgumentException("covariance must be " + dim + " x " + dim);
    }
    this.mean = mean.clone();
    this.covariance = new double[dim][];
    for (int i = 0; i < dim; i++) {
      if (covariance[i].length != dim) {
        throw new IllegalArgumentException("covariance must be " + dim + " x " + dim);
      }
      this.covariance[i] = covariance[i].clone();
    }
    this.transform = factor(this.covariance);
  }

  public static MultivariateNormal fit(Points points) {
    if (points.count() == 0) {
      throw new IllegalArgumentException("cannot fit a normal distribution to no points");
    }
    return new MultivariateNormal(points.mean(), points.covariance());
  }

  private static double[][] factor(double[][] covariance) {
    int dim = covariance.length;
    RealMatrix matrix = new Array2DRowRealMatrix(covariance, true);
    double scale = 0;
    for (double[] row : covariance) {
      for (double v : row) {
        scale = Math.max(scale, Math.abs(v));
      }
    }
    double[][] transform = new double[dim][dim];
    if (scale == 0) {
      return transform;
    }
    EigenDecomposition eigen = new EigenDecomposition(matrix.scalarMultiply(1 / scale));
    double[] values = eigen.getRealEigenvalues();
    for (int j = 0; j < dim; j++) {
      double root = Math.sqrt(Math.max(values[j], 0) * scale);
      double[] vector = eigen.getEigenvector(j).toArray();
      for (int i = 0; i < dim; i++) {
        transform[i][j] = vector[i] * root;
      }
    }
    return transform;
  }

  @Override
  public int dim() {
    return mean.length;
  }

  @Override
  public void sample(RandomGenerator rng, double[] out) {
    int dim = mean.length;
    double[] g = new double[dim];
    for (int j = 0; j < dim; j++) {
      g[j] = rng.nextGaussian();
    }
    for (int i = 0; i < dim; i++) {
      double v = mean[i];
      for (int j = 0; j < dim; j++) {
        v += transform[i][j] * g[j];
      }
      out[i] = v;
    }
  }

  public double[] mean() {
    return mean.clone();
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("family", "normal");
    out.put("mean", mean.clone());
    out.put(
        "covariance",
        java.util.Arrays.stream(covariance).map(double[]::clone).toArray(double[][]::new));
    return out;
  }
}
