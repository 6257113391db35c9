package io.latentquery.report;

/**
 * Two coordinates per point for a scatter plot, with what they mean.
 *
 * @param name short name used in titles and file names, e.g. {@code pca}
 * @param xLabel axis title of x
 * @param yLabel axis title of y
 */
public record Projection2D(String name, String xLabel, String yLabel, double[] x, double[] y) {
  public Projection2D {
    if (x.length != y.length) {
      throw new IllegalArgumentException(x.length + " x values but " + y.length + " y values");
    }
    x = x.clone();
    y = y.clone();
  }

  public int count() {
    return x.length;
  }

  @Override
  public double[] x() {
    return x.clone();
  }

  @Override
  public double[] y() {
    return y.clone();
  }

  double xAt(int i) {
    return x[i];
  }

  double yAt(int i) {
    return y[i];
  }
}
