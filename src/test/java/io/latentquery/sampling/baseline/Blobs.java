package io.latentquery.sampling.baseline;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.Selection;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/** Test encodings: separated Gaussian blobs with known membership, and random mixtures. */
final class Blobs {
  /** Blob centres, 100 apart: (0,0), (100,0), (0,100), (100,100), ... */
  static double[] centre(int blob) {
    return new double[] {100.0 * (blob % 2), 100.0 * (blob / 2 % 2) + 200.0 * (blob / 4)};
  }

  /** Blob b holds the points sizes[0] + ... + sizes[b-1] onwards, N(centre(b), sigma^2 I). */
  static Points blobs(int[] sizes, double sigma, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] rows = new double[Arrays.stream(sizes).sum()][];
    int i = 0;
    for (int b = 0; b < sizes.length; b++) {
      double[] c = centre(b);
      for (int j = 0; j < sizes[b]; j++) {
        rows[i++] = new double[] {c[0] + sigma * gaussian(rng), c[1] + sigma * gaussian(rng)};
      }
    }
    return Points.of(rows);
  }

  static int blobOf(int index, int[] sizes) {
    int end = 0;
    for (int b = 0; b < sizes.length; b++) {
      end += sizes[b];
      if (index < end) {
        return b;
      }
    }
    throw new IllegalArgumentException("index " + index + " is past the last blob");
  }

  static int[] blobsOf(Selection selection, int[] sizes) {
    return Arrays.stream(selection.indices()).map(i -> blobOf(i, sizes)).toArray();
  }

  /** N points of dimension dim from a mixture of overlapping unit Gaussians with random centres. */
  static Points mixture(int count, int dim, int components, long seed) {
    return BaselineBenchmark.mixture(count, dim, components, seed);
  }

  static double gaussian(SplittableRandom rng) {
    double u = 1 - rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
  }

  /** Points on a line: x = values[i], one coordinate. */
  static Points line(double... values) {
    return new Points(values, values.length, 1);
  }

  static Set<Integer> set(int[] indices) {
    Set<Integer> out = new HashSet<>();
    for (int i : indices) {
      out.add(i);
    }
    return out;
  }

  private Blobs() {}
}
