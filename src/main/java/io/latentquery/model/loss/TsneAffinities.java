package io.latentquery.model.loss;

import java.util.stream.IntStream;

/**
 * Input-space affinities P of a batch for t-SNE-style training (van der Maaten 2009, "Learning a
 * parametric embedding by preserving local structure"): a Gaussian around each image, its precision
 * found per image so that the conditional distribution over the other images has the target
 * perplexity, then symmetrised into joint probabilities that sum to 1.
 *
 * <p>Plain Java in double precision: it runs on the CPU for each batch, and its output is fed to
 * the graph as a {@code [B, B]} placeholder beside the images. Thread-safe (no state besides the
 * perplexity).
 */
public final class TsneAffinities {
  /**
   * Allowed gap between a row's entropy and log(perplexity), in nats (the perplexity then matches
   * to a relative 1e-9). Newton converges quadratically, so a tight tolerance costs about one
   * iteration more than a loose one, and P is then a function of the batch alone, not of where the
   * search happened to stop.
   */
  static final double ENTROPY_TOLERANCE = 1e-9;

  /** Cap on the precision search per row; the safeguarded Newton search needs about 5. */
  static final int MAX_ITERATIONS = 100;

  private final double perplexity;

  /**
   * @param perplexity the target perplexity 2^H(P_i) of each row, > 1; each batch must have more
   *     than perplexity images
   */
  public TsneAffinities(double perplexity) {
    TsneSettings.checkPerplexity(perplexity);
    this.perplexity = perplexity;
  }

  public double perplexity() {
    return perplexity;
  }

  /**
   * Joint probabilities p_ij = (p_j|i + p_i|j) / 2B of a batch: symmetric, zero on the diagonal,
   * summing to 1.
   *
   * @param images B images of D values each, row-major ({@code Dataset.batch} layout), D =
   *     images.length / batchSize
   * @param batchSize B, at least 3 and greater than the perplexity
   * @return B x B probabilities, row-major
   */
  public float[] joint(float[] images, int batchSize) {
    double[] conditional = conditional(images, batchSize);
    int b = batchSize;
    float[] joint = new float[b * b];
    double scale = 1.0 / (2.0 * b);
    for (int i = 0; i < b; i++) {
      for (int j = i + 1; j < b; j++) {
        float p = (float) ((conditional[i * b + j] + conditional[j * b + i]) * scale);
        joint[i * b + j] = p;
        joint[j * b + i] = p;
      }
    }
    return joint;
  }

  /**
   * Conditional probabilities p_j|i, row i at {@code [i * B, (i + 1) * B)}: each row sums to 1, has
   * perplexity within {@link #ENTROPY_TOLERANCE} of the target wherever the target can be reached,
   * and p_i|i = 0.
   */
  double[] conditional(float[] images, int batchSize) {
    TsneSettings.checkPerplexityForBatch(perplexity, batchSize);
    if (images.length == 0 || images.length % batchSize != 0) {
      throw new IllegalArgumentException(
          "a batch of "
              + batchSize
              + " images needs a multiple of "
              + batchSize
              + " values, got "
              + images.length);
    }
    int b = batchSize;
    double[] distances = squaredDistances(images, b, images.length / b);
    double[] conditional = new double[b * b];
    double logTarget = Math.log(perplexity);
    IntStream.range(0, b)
        .parallel()
        .forEach(
            i -> {
              double[] weights = new double[b - 1];
              calibrateRow(distances, i, b, logTarget, new double[b - 1], weights);
              for (int j = 0, k = 0; j < b; j++) {
                if (j != i) {
                  conditional[i * b + j] = weights[k++];
                }
              }
            });
    return conditional;
  }

  /**
   * Squared Euclidean distances ||x_i||^2 + ||x_j||^2 - 2 x_i.x_j in double precision, exactly
   * symmetric with a zero diagonal; identical images get exactly 0. The dot products take each
   * row's non-zero pixels against the transposed batch ({@code [D, B]}), one accumulator per other
   * image: an inner loop without a cross-lane reduction, which the JIT vectorises, and which skips
   * the background pixels that make up most of a digit or garment image. Rows are independent and
   * shared out over the common fork-join pool (the trainer waits for P, so the cores are otherwise
   * idle); each entry's arithmetic is the same on any thread, so P does not depend on the thread
   * count.
   */
  static double[] squaredDistances(float[] x, int b, int d) {
    for (int i = 0; i < x.length; i++) {
      if (!Float.isFinite(x[i])) {
        throw new IllegalArgumentException(
            "image " + (i / d) + " of the batch holds a value that is not finite");
      }
    }
    double[] transposed = new double[d * b];
    for (int i = 0; i < b; i++) {
      for (int k = 0; k < d; k++) {
        transposed[k * b + i] = x[i * d + k];
      }
    }
    double[] dots = new double[b * b];
    IntStream.range(0, b).parallel().forEach(i -> dotRow(x, transposed, b, d, i, dots));
    double[] distances = new double[b * b];
    for (int i = 0; i < b; i++) {
      for (int j = i + 1; j < b; j++) {
        double s = Math.max(0, dots[i * b + i] + dots[j * b + j] - 2 * dots[i * b + j]);
        distances[i * b + j] = s;
        distances[j * b + i] = s;
      }
    }
    return distances;
  }

  /** Row i of the Gram matrix: x_i.x_j for every j, summed over x_i's non-zero pixels in order. */
  private static void dotRow(float[] x, double[] transposed, int b, int d, int i, double[] dots) {
    int row = i * b;
    for (int k = 0; k < d; k++) {
      double xik = x[i * d + k];
      if (xik == 0) {
        continue;
      }
      int column = k * b;
      for (int j = 0; j < b; j++) {
        dots[row + j] += xik * transposed[column + j];
      }
    }
  }

  /**
   * Finds the precision beta_i = 1 / 2 sigma_i^2 of row i and writes p_j|i (j != i, in order) to
   * {@code weights}. The entropy H(beta) = log Z + beta E[d] falls monotonically with slope -beta
   * Var[d], so a Newton step kept inside a shrinking bracket (bisection or doubling where it would
   * leave it) converges in a handful of iterations. Distances are shifted by the row minimum, so
   * the nearest neighbour has weight exp(0) = 1 and nothing overflows or underflows to an empty row
   * at any beta. When the target cannot be reached (duplicates outnumbering the perplexity) the
   * best beta seen is kept.
   */
  private static void calibrateRow(
      double[] distances, int i, int b, double logTarget, double[] shifted, double[] weights) {
    int n = b - 1;
    double min = Double.POSITIVE_INFINITY;
    for (int j = 0, k = 0; j < b; j++) {
      if (j != i) {
        shifted[k] = distances[i * b + j];
        min = Math.min(min, shifted[k++]);
      }
    }
    double sum = 0;
    for (int k = 0; k < n; k++) {
      shifted[k] -= min;
      sum += shifted[k];
    }
    if (sum == 0) {
      java.util.Arrays.fill(weights, 1.0 / n);
      return;
    }
    double beta = n / sum;
    double low = 0;
    double high = Double.POSITIVE_INFINITY;
    double bestBeta = beta;
    double bestError = Double.POSITIVE_INFINITY;
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double z = 0;
      double m1 = 0;
      double m2 = 0;
      for (int k = 0; k < n; k++) {
        double w = Math.exp(-beta * shifted[k]);
        z += w;
        m1 += w * shifted[k];
        m2 += w * shifted[k] * shifted[k];
      }
      m1 /= z;
      m2 /= z;
      double error = Math.log(z) + beta * m1 - logTarget;
      if (Math.abs(error) < bestError) {
        bestError = Math.abs(error);
        bestBeta = beta;
      }
      if (Math.abs(error) < ENTROPY_TOLERANCE) {
        break;
      }
      if (error > 0) {
        low = beta;
      } else {
        high = beta;
      }
      double variance = m2 - m1 * m1;
      double newton = variance > 0 ? beta + error / (beta * variance) : Double.NaN;
      if (newton > low && newton < high) {
        beta = newton;
      } else if (high == Double.POSITIVE_INFINITY) {
        beta *= 2;
      } else {
        beta = (low + high) / 2;
      }
    }
    double z = 0;
    for (int k = 0; k < n; k++) {
      weights[k] = Math.exp(-bestBeta * shifted[k]);
      z += weights[k];
    }
    for (int k = 0; k < n; k++) {
      weights[k] /= z;
    }
  }
}
