package io.latentquery.report;

import io.latentquery.sampling.Points;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;

/** Views of L-dimensional encodings in the plane. */
public final class Projections {
  private Projections() {}

  /** The first two latent coordinates (z1, z2); a 1-D latent space is drawn on the line y = 0. */
  public static Projection2D firstTwo(Points points) {
    int n = points.count();
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = points.get(i, 0);
      y[i] = points.dim() > 1 ? points.get(i, 1) : 0.0;
    }
    return new Projection2D("latent", "z1", points.dim() > 1 ? "z2" : "(1-D latent space)", x, y);
  }

  /**
   * The projection on the two principal axes of the centred points, each axis titled with the share
   * of variance it explains. Axis signs are fixed (largest loading positive) so the same encodings
   * always give the same picture.
   */
  public static Projection2D pca(Points points) {
    int n = points.count();
    int dim = points.dim();
    if (dim < 2) {
      return firstTwo(points);
    }
    double[] mean = points.mean();
    double[][] covariance = points.covariance();
    EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(covariance, false));
    double[] values = eigen.getRealEigenvalues();
    Integer[] order = new Integer[dim];
    for (int d = 0; d < dim; d++) {
      order[d] = d;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
    double total = 0;
    for (double v : values) {
      total += Math.max(0, v);
    }
    double[] axis1 = fixedSign(eigen.getEigenvector(order[0]));
    double[] axis2 = fixedSign(eigen.getEigenvector(order[1]));
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < dim; d++) {
        double c = points.get(i, d) - mean[d];
        x[i] += c * axis1[d];
        y[i] += c * axis2[d];
      }
    }
    return new Projection2D(
        "pca",
        axisTitle("PC1", values[order[0]], total),
        axisTitle("PC2", values[order[1]], total),
        x,
        y);
  }

  private static String axisTitle(String name, double variance, double total) {
    if (!(total > 0)) {
      return name;
    }
    return String.format(
        Locale.ROOT, "%s (%.1f%% of variance)", name, 100 * Math.max(0, variance) / total);
  }

  private static double[] fixedSign(RealVector vector) {
    double[] v = vector.toArray();
    int largest = 0;
    for (int d = 1; d < v.length; d++) {
      if (Math.abs(v[d]) > Math.abs(v[largest])) {
        largest = d;
      }
    }
    if (v[largest] < 0) {
      for (int d = 0; d < v.length; d++) {
        v[d] = -v[d];
      }
    }
    return v;
  }
}
