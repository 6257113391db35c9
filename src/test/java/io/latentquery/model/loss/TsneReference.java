package io.latentquery.model.loss;

/**
 * Double-precision reference for Q, KL(P||Q) and its gradient, written straight from the formulas
 * of van der Maaten 2009 and independent of the graph code, to cross-check it.
 */
final class TsneReference {
  private TsneReference() {}

  /** Student-t affinities q_ij, q_ii = 0, summing to 1. */
  static double[][] studentT(double[][] z, double a) {
    int b = z.length;
    double[][] q = new double[b][b];
    double total = 0;
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < b; j++) {
        if (i != j) {
          q[i][j] = Math.pow(1 + squaredDistance(z[i], z[j]) / a, -(a + 1) / 2);
          total += q[i][j];
        }
      }
    }
    for (double[] row : q) {
      for (int j = 0; j < b; j++) {
        row[j] /= total;
      }
    }
    return q;
  }

  /** sum over p_ij > 0 of p_ij log(p_ij / q_ij). */
  static double kl(double[][] p, double[][] q) {
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      for (int j = 0; j < p.length; j++) {
        if (p[i][j] > 0) {
          sum += p[i][j] * Math.log(p[i][j] / q[i][j]);
        }
      }
    }
    return sum;
  }

  /** dKL/dz_i = (2(a + 1) / a) sum_j (p_ij - q_ij) (z_i - z_j) / (1 + ||z_i - z_j||^2 / a). */
  static double[][] klGradient(double[][] p, double[][] z, double a) {
    double[][] q = studentT(z, a);
    double[][] gradient = new double[z.length][z[0].length];
    for (int i = 0; i < z.length; i++) {
      for (int j = 0; j < z.length; j++) {
        double factor =
            (2 * (a + 1) / a) * (p[i][j] - q[i][j]) / (1 + squaredDistance(z[i], z[j]) / a);
        for (int l = 0; l < z[0].length; l++) {
          gradient[i][l] += factor * (z[i][l] - z[j][l]);
        }
      }
    }
    return gradient;
  }

  static double squaredDistance(double[] x, double[] y) {
    double sum = 0;
    for (int k = 0; k < x.length; k++) {
      sum += (x[k] - y[k]) * (x[k] - y[k]);
    }
    return sum;
  }

  static double[][] square(float[] values, int rows) {
    int cols = values.length / rows;
    double[][] out = new double[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        out[i][j] = values[i * cols + j];
      }
    }
    return out;
  }
}
