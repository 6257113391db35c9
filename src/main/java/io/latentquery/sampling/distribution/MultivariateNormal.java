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
 * divisor N-1; zero for one point). Draws are {@code mean + V sqrt(Lambda) g} with
 * {@code Cov = V Lambda V^T} from a symmetric eigen-decomposition and g standard normal, with
 * negative eigenvalues (rounding) clamped to zero: a singular covariance, such as points on a line
 * or a single point, draws on that line or that point instead of failing as a Cholesky would.
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
    int n = points.count();
    int dim = points.dim();
    if (n == 0) {
      throw new IllegalArgumentException("cannot fit a normal distribution to no points");
    }
    double[] mean = new double[dim];
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < dim; d++) {
        mean[d] += points.get(i, d);
      }
    }
    for (int d = 0; d < dim; d++) {
      mean[d] /= n;
    }
    double[][] cov = new double[dim][dim];
    if (n > 1) {
      double[] centred = new double[dim];
      for (int i = 0; i < n; i++) {
        for (int d = 0; d < dim; d++) {
          centred[d] = points.get(i, d) - mean[d];
        }
        for (int a = 0; a < dim; a++) {
          for (int b = a; b < dim; b++) {
            cov[a][b] += centred[a] * centred[b];
          }
        }
      }
      for (int a = 0; a < dim; a++) {
        for (int b = a; b < dim; b++) {
          cov[a][b] /= n - 1;
          cov[b][a] = cov[a][b];
        }
      }
    }
    return new MultivariateNormal(mean, cov);
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
    out.put("covariance", java.util.Arrays.stream(covariance).map(double[]::clone).toArray(double[][]::new));
    return out;
  }
}
