package io.latentquery.bench;

import java.util.stream.IntStream;

/**
 * Two figures of how well a low-dimensional embedding keeps the structure of its inputs, both
 * computed exactly (no approximate neighbour search), ties broken by example index.
 *
 * <ul>
 *   <li>1-nearest-neighbour accuracy: each test point takes the label of its nearest reference
 *       point (Euclidean), the measure of Sainburg et al. 2021 (Parametric UMAP) for 2-D MNIST
 *       embeddings.
 *   <li>Trustworthiness (Venna and Kaski 2001), as scikit-learn defines it: T(k) = 1 - 2 / (n k (2n
 *       - 3k - 1)) * sum_i sum_{j in U_i^k} (r(i, j) - k), where U_i^k are the k nearest neighbours
 *       of i in the embedding that are not among its k nearest in the input space, and r(i, j) is
 *       the rank of j among i's input-space neighbours (1 = nearest). 1 means no embedding
 *       neighbour is a stranger in the input space.
 * </ul>
 *
 * Points are row-major arrays of {@code n * dim} values.
 */
public final class EmbeddingQuality {
  private EmbeddingQuality() {}

  /**
   * The fraction of {@code test} points whose nearest {@code reference} point has the same label.
   *
   * @param dim dimension of every point
   */
  public static double oneNearestNeighbourAccuracy(
      double[] reference, int[] referenceLabels, double[] test, int[] testLabels, int dim) {
    checkPoints(reference, referenceLabels.length, dim, "reference");
    checkPoints(test, testLabels.length, dim, "test");
    if (referenceLabels.length == 0 || testLabels.length == 0) {
      throw new IllegalArgumentException("1-NN accuracy needs reference and test points");
    }
    long correct =
        IntStream.range(0, testLabels.length)
            .parallel()
            .filter(
                t ->
                    referenceLabels[nearest(reference, referenceLabels.length, test, t, dim)]
                        == testLabels[t])
            .count();
    return correct / (double) testLabels.length;
  }

  /** Index of the reference point nearest to test point t; the lowest index wins a tie. */
  private static int nearest(double[] reference, int n, double[] test, int t, int dim) {
    int best = -1;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int r = 0; r < n; r++) {
      double d = 0;
      for (int c = 0; c < dim; c++) {
        double diff = reference[r * dim + c] - test[t * dim + c];
        d += diff * diff;
      }
      if (d < bestDistance) {
        bestDistance = d;
        best = r;
      }
    }
    return best;
  }

  /**
   * Trustworthiness T(k) of {@code embedding} for {@code inputs}, both of the same n points.
   *
   * @param inputs n points of {@code inputDim} values (e.g. pixels)
   * @param embedding the same n points in the embedding, {@code embeddingDim} values each
   * @param k neighbourhood size, 1 <= k < n / 2 (the normalisation needs it)
   */
  public static double trustworthiness(
      float[] inputs, int inputDim, double[] embedding, int embeddingDim, int k) {
    if (inputDim < 1 || embeddingDim < 1 || inputs.length % inputDim != 0) {
      throw new IllegalArgumentException(
          inputs.length + " input values are not points of dimension " + inputDim);
    }
    int n = inputs.length / inputDim;
    checkPoints(embedding, n, embeddingDim, "embedding");
    if (k < 1 || k >= n / 2.0) {
      throw new IllegalArgumentException("k must be >= 1 and < n / 2 = " + n / 2.0 + ", got " + k);
    }
    long[] penalties = new long[n];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              double[] input = inputDistances(inputs, inputDim, n, i);
              long penalty = 0;
              for (int j : embeddingNeighbours(embedding, embeddingDim, n, i, k)) {
                penalty += Math.max(0, rank(input, i, j) - k);
              }
              penalties[i] = penalty;
            });
    double sum = 0;
    for (long p : penalties) {
      sum += p;
    }
    return 1 - 2.0 / ((double) n * k * (2.0 * n - 3.0 * k - 1)) * sum;
  }

  /** Squared distances from point i to every point (i's own entry is 0 and never used). */
  private static double[] inputDistances(float[] x, int d, int n, int i) {
    double[] distances = new double[n];
    int oi = i * d;
    for (int j = 0; j < n; j++) {
      int oj = j * d;
      double s = 0;
      for (int c = 0; c < d; c++) {
        double t = x[oi + c] - x[oj + c];
        s += t * t;
      }
      distances[j] = s;
    }
    return distances;
  }

  /**
   * The rank of j among i's neighbours in {@code distances} (1 = nearest): one more than the number
   * of other points strictly closer, or equally close with a lower index.
   */
  private static int rank(double[] distances, int i, int j) {
    int closer = 0;
    double dj = distances[j];
    for (int l = 0; l < distances.length; l++) {
      if (l != i && l != j && (distances[l] < dj || (distances[l] == dj && l < j))) {
        closer++;
      }
    }
    return closer + 1;
  }

  /**
   * The k nearest neighbours of point i in the embedding (i excluded), lowest index first on ties.
   */
  private static int[] embeddingNeighbours(double[] y, int dim, int n, int i, int k) {
    int[] best = new int[k];
    double[] bestDistance = new double[k];
    java.util.Arrays.fill(bestDistance, Double.POSITIVE_INFINITY);
    for (int j = 0; j < n; j++) {
      if (j == i) {
        continue;
      }
      double d = 0;
      for (int c = 0; c < dim; c++) {
        double t = y[i * dim + c] - y[j * dim + c];
        d += t * t;
      }
      if (d < bestDistance[k - 1]) {
        int at = k - 1;
        while (at > 0 && bestDistance[at - 1] > d) {
          bestDistance[at] = bestDistance[at - 1];
          best[at] = best[at - 1];
          at--;
        }
        bestDistance[at] = d;
        best[at] = j;
      }
    }
    return best;
  }

  private static void checkPoints(double[] values, int n, int dim, String what) {
    if (dim < 1 || (long) n * dim != values.length) {
      throw new IllegalArgumentException(
          what + ": " + values.length + " values are not " + n + " points of dimension " + dim);
    }
  }
}
