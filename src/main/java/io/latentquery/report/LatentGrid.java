package io.latentquery.report;

import io.latentquery.sampling.Points;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * A regular size x size grid of latent points over the central range of the encodings, to be
 * decoded into the familiar "manifold" picture. Rows run from the largest z2 at the top to the
 * smallest at the bottom and columns from the smallest z1 to the largest, so the picture has the
 * orientation of the scatter plot of z1 against z2. Further latent coordinates are held at their
 * median. A 1-D latent space is laid out along z1 in reading order.
 *
 * <p>The range is the {@code margin}-th to (100-margin)-th percentile of each coordinate rather
 * than min to max, so a few outlying encodings do not push the grid into empty latent space.
 *
 * @param size points per side
 * @param low lower end of each coordinate's range (length L)
 * @param high upper end of each coordinate's range (length L)
 * @param centre value of the coordinates the grid does not vary (length L)
 */
public record LatentGrid(int size, double[] low, double[] high, double[] centre) {
  public static final double DEFAULT_MARGIN = 1.0;

  public LatentGrid {
    if (size < 2 || size > 100) {
      throw new IllegalArgumentException("grid size must be in 2..100, got " + size);
    }
    if (low.length != high.length || low.length != centre.length || low.length == 0) {
      throw new IllegalArgumentException(
          "low, high and centre need one value per latent coordinate");
    }
    low = low.clone();
    high = high.clone();
    centre = centre.clone();
  }

  /** A grid over the 1st to 99th percentile of the encodings. */
  public static LatentGrid spanning(Points encodings, int size) {
    return spanning(encodings, size, DEFAULT_MARGIN);
  }

  /** A grid over the {@code margin}-th to (100-margin)-th percentile of each coordinate. */
  public static LatentGrid spanning(Points encodings, int size, double margin) {
    if (encodings.count() == 0) {
      throw new IllegalArgumentException("a latent grid needs at least one encoding");
    }
    if (!(margin >= 0 && margin < 50)) {
      throw new IllegalArgumentException("margin must be in [0, 50), got " + margin);
    }
    int dim = encodings.dim();
    double[] low = new double[dim];
    double[] high = new double[dim];
    double[] centre = new double[dim];
    double[] column = new double[encodings.count()];
    for (int d = 0; d < dim; d++) {
      for (int i = 0; i < column.length; i++) {
        column[i] = encodings.get(i, d);
      }
      Arrays.sort(column);
      low[d] = quantile(column, margin / 100);
      high[d] = quantile(column, 1 - margin / 100);
      centre[d] = quantile(column, 0.5);
    }
    return new LatentGrid(size, low, high, centre);
  }

  /** Linear interpolation between order statistics of sorted values. */
  static double quantile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(sorted.length - 1, below + 1);
    double weight = position - below;
    return sorted[below] * (1 - weight) + sorted[above] * weight;
  }

  public int dim() {
    return low.length;
  }

  /** Number of grid points: size * size. */
  public int count() {
    return size * size;
  }

  /** The grid points in picture order (row by row from the top), to be decoded in this order. */
  public Points points() {
    int dim = dim();
    double[] values = new double[count() * dim];
    for (int row = 0; row < size; row++) {
      for (int col = 0; col < size; col++) {
        int k = row * size + col;
        System.arraycopy(centre, 0, values, k * dim, dim);
        if (dim == 1) {
          values[k] = step(0, k, count());
        } else {
          values[k * dim] = step(0, col, size);
          values[k * dim + 1] = step(1, size - 1 - row, size);
        }
      }
    }
    return new Points(values, count(), dim);
  }

  private double step(int d, int i, int steps) {
    return low[d] + (high[d] - low[d]) * i / (steps - 1);
  }

  /** The decoded grid points, in {@link #points()} order, as one seamless picture. */
  public BufferedImage render(ImageBatch decoded, int scale) {
    if (decoded.count() != count()) {
      throw new IllegalArgumentException(
          decoded.count() + " decoded images for a " + size + "x" + size + " grid");
    }
    return ImageGrid.render(decoded, new ImageGrid.Style(size, scale, 0));
  }

  @Override
  public double[] low() {
    return low.clone();
  }

  @Override
  public double[] high() {
    return high.clone();
  }

  @Override
  public double[] centre() {
    return centre.clone();
  }
}
