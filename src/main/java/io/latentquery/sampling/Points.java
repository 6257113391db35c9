package io.latentquery.sampling;

/**
 * N points in R^L (encodings of a pool), stored row-major in one array. Immutable. Every strategy,
 * index and clustering works on points of any dimension L >= 1.
 */
public final class Points {
  private final double[] values;
  private final int count;
  private final int dim;

  /**
   * @param values count * dim coordinates, point after point (copied)
   */
  public Points(double[] values, int count, int dim) {
    if (dim < 1) {
      throw new IllegalArgumentException("point dimension must be >= 1, got " + dim);
    }
    if (count < 0 || (long) count * dim != values.length) {
      throw new IllegalArgumentException(
          values.length + " coordinates are not " + count + " points of dimension " + dim);
    }
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new io.latentquery.InputException("encodings hold a non-finite value (" + v + ")");
      }
    }
    this.values = values.clone();
    this.count = count;
    this.dim = dim;
  }

  /** The points of a set of encodings, in the same order. */
  public static Points of(io.latentquery.inference.Encodings encodings) {
    return new Points(encodings.values(), encodings.count(), encodings.dim());
  }

  /** Points from rows of equal length. */
  public static Points of(double[][] rows) {
    int dim = rows.length == 0 ? 1 : rows[0].length;
    double[] values = new double[rows.length * dim];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != dim) {
        throw new IllegalArgumentException(
            "row " + i + " has " + rows[i].length + " values, expected " + dim);
      }
      System.arraycopy(rows[i], 0, values, i * dim, dim);
    }
    return new Points(values, rows.length, dim);
  }

  public int count() {
    return count;
  }

  public int dim() {
    return dim;
  }

  public double get(int point, int coordinate) {
    return values[point * dim + coordinate];
  }

  /** A copy of one point. */
  public double[] point(int point) {
    double[] out = new double[dim];
    System.arraycopy(values, point * dim, out, 0, dim);
    return out;
  }

  /** Copies point {@code point} into {@code dest} (length at least dim), without allocating. */
  public void copyPoint(int point, double[] dest) {
    System.arraycopy(values, point * dim, dest, 0, dim);
  }

  /** A copy of every coordinate, point after point. */
  public double[] toArray() {
    return values.clone();
  }

  /** Squared Euclidean distance between point {@code i} and {@code z}. */
  public double squaredDistance(int i, double[] z) {
    double sum = 0;
    int base = i * dim;
    for (int d = 0; d < dim; d++) {
      double diff = values[base + d] - z[d];
      sum += diff * diff;
    }
    return sum;
  }

  /** Squared Euclidean distance between points {@code i} and {@code j}. */
  public double squaredDistance(int i, int j) {
    double sum = 0;
    int a = i * dim;
    int b = j * dim;
    for (int d = 0; d < dim; d++) {
      double diff = values[a + d] - values[b + d];
      sum += diff * diff;
    }
    return sum;
  }

  /** The points at {@code indices}, in that order. */
  public Points subset(int[] indices) {
    double[] out = new double[indices.length * dim];
    for (int k = 0; k < indices.length; k++) {
      System.arraycopy(values, indices[k] * dim, out, k * dim, dim);
    }
    return new Points(out, indices.length, dim);
  }

  /** The mean point; zeros when there are no points. */
  public double[] mean() {
    double[] mean = new double[dim];
    for (int i = 0; i < count; i++) {
      for (int d = 0; d < dim; d++) {
        mean[d] += get(i, d);
      }
    }
    for (int d = 0; d < dim; d++) {
      mean[d] /= Math.max(1, count);
    }
    return mean;
  }

  /** The sample covariance (divided by N - 1); zeros for fewer than two points. */
  public double[][] covariance() {
    double[] mean = mean();
    double[][] covariance = new double[dim][dim];
    if (count < 2) {
      return covariance;
    }
    double[] centred = new double[dim];
    for (int i = 0; i < count; i++) {
      for (int d = 0; d < dim; d++) {
        centred[d] = get(i, d) - mean[d];
      }
      for (int a = 0; a < dim; a++) {
        for (int b = a; b < dim; b++) {
          covariance[a][b] += centred[a] * centred[b];
        }
      }
    }
    for (int a = 0; a < dim; a++) {
      for (int b = a; b < dim; b++) {
        covariance[a][b] /= count - 1;
        covariance[b][a] = covariance[a][b];
      }
    }
    return covariance;
  }
}
