package io.latentquery.spark;

import io.latentquery.InputException;
import io.latentquery.sampling.Points;
import io.latentquery.sampling.neighbors.KdTree;
import io.latentquery.sampling.neighbors.Metric;
import io.latentquery.sampling.neighbors.Neighbor;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * One partition's encodings, or the encodings of one cluster in one partition: their pool indices
 * (ascending) and points, with a k-d tree built on first use. Spark keeps a cached block as the
 * same object between jobs on an executor, so the tree is built once per partition, not once per
 * round; a block that is recomputed rebuilds it and removes every point taken so far again. The
 * searches return pool indices.
 */
final class PointBlock implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int[] indices;
  private final double[] coords;
  private final int dim;
  private final int cluster;
  private transient KdTree tree;

  private PointBlock(int[] indices, double[] coords, int dim, int cluster) {
    this.indices = indices;
    this.coords = coords;
    this.dim = dim;
    this.cluster = cluster;
  }

  /** The block of one partition's rows ({@code index} at 0, {@code z} at 1). */
  static PointBlock of(Iterator<Row> rows, int dim) {
    List<long[]> order = new ArrayList<>();
    List<double[]> points = new ArrayList<>();
    while (rows.hasNext()) {
      Row row = rows.next();
      long index = row.getLong(0);
      double[] z = EncodingsTable.vector(row, 1, dim, index);
      order.add(new long[] {index, points.size()});
      points.add(z);
    }
    order.sort((a, b) -> Long.compare(a[0], b[0]));
    int[] indices = new int[order.size()];
    double[] coords = new double[order.size() * dim];
    for (int k = 0; k < indices.length; k++) {
      indices[k] = Math.toIntExact(order.get(k)[0]);
      System.arraycopy(points.get((int) order.get(k)[1]), 0, coords, k * dim, dim);
    }
    return new PointBlock(indices, coords, dim, WHOLE);
  }

  /** The cluster of a block that holds a whole partition. */
  static final int WHOLE = -1;

  int size() {
    return indices.length;
  }

  /** The cluster whose points this block holds, or {@link #WHOLE}. */
  int cluster() {
    return cluster;
  }

  /** The pool indices of the points, ascending. */
  int[] indices() {
    return indices.clone();
  }

  /** The points, one array each. */
  List<double[]> points() {
    List<double[]> out = new ArrayList<>(indices.length);
    for (int k = 0; k < indices.length; k++) {
      out.add(point(k));
    }
    return out;
  }

  /** The points as one {@link Points}, in block order. */
  Points asPoints() {
    return new Points(coords, indices.length, dim);
  }

  /**
   * One block of the points of {@code parts}, in ascending pool index, marked as cluster {@code
   * cluster}.
   */
  static PointBlock merge(Iterable<PointBlock> parts, int cluster) {
    int count = 0;
    int dim = 0;
    for (PointBlock part : parts) {
      count += part.size();
      dim = part.dim;
    }
    long[] order = new long[count];
    double[] joined = new double[count * dim];
    int at = 0;
    for (PointBlock part : parts) {
      System.arraycopy(part.coords, 0, joined, at * dim, part.size() * dim);
      for (int k = 0; k < part.size(); k++) {
        order[at] = ((long) part.indices[k] << 32) | at;
        at++;
      }
    }
    Arrays.sort(order);
    int[] indices = new int[count];
    double[] coords = new double[count * dim];
    for (int k = 0; k < count; k++) {
      indices[k] = (int) (order[k] >>> 32);
      System.arraycopy(joined, (int) order[k] * dim, coords, k * dim, dim);
    }
    return new PointBlock(indices, coords, dim, cluster);
  }

  /**
   * The block of each cluster that has points here.
   *
   * @param labels the cluster of each point of this block, in block order; a point labeled -1 goes
   *     to no block
   */
  List<PointBlock> split(int[] labels) {
    int clusters = Arrays.stream(labels).max().orElse(-1) + 1;
    int[] sizes = new int[clusters];
    for (int label : labels) {
      if (label >= 0) {
        sizes[label]++;
      }
    }
    List<PointBlock> out = new ArrayList<>();
    for (int c = 0; c < clusters; c++) {
      if (sizes[c] == 0) {
        continue;
      }
      int[] members = new int[sizes[c]];
      double[] points = new double[sizes[c] * dim];
      int at = 0;
      for (int k = 0; k < labels.length; k++) {
        if (labels[k] == c) {
          members[at] = indices[k];
          System.arraycopy(coords, k * dim, points, at * dim, dim);
          at++;
        }
      }
      out.add(new PointBlock(members, points, dim, c));
    }
    return out;
  }

  /** The nearest of {@code centres} (a Euclidean tree) to each point, in block order. */
  int[] nearestCentres(KdTree centres) {
    int[] out = new int[indices.length];
    double[] z = new double[dim];
    for (int k = 0; k < indices.length; k++) {
      System.arraycopy(coords, k * dim, z, 0, dim);
      out[k] = centres.nearest(z, Double.POSITIVE_INFINITY, false).index();
    }
    return out;
  }

  /** The tree under {@code metric}, with every point of {@code taken} (ascending) removed. */
  private KdTree tree(Metric metric, int[] taken) {
    if (tree == null || tree.metric() != metric) {
      tree = new KdTree(new Points(coords, indices.length, dim), metric);
    }
    for (int index : taken) {
      int local = Arrays.binarySearch(indices, index);
      if (local >= 0) {
        tree.remove(local);
      }
    }
    return tree;
  }

  /**
   * Per query, the distances to its {@code k} nearest points of this block (removed or not),
   * nearest first.
   */
  synchronized double[][] nearestDistances(double[][] queries, int k, Metric metric) {
    KdTree all = tree(metric, new int[0]);
    double[][] out = new double[queries.length][];
    for (int q = 0; q < queries.length; q++) {
      out[q] =
          indices.length == 0
              ? new double[0]
              : all.kNearest(queries[q], k, false).stream()
                  .mapToDouble(Neighbor::distance)
                  .toArray();
    }
    return out;
  }

  /**
   * Per draw j, the up to {@code caps[j]} nearest points not in {@code taken} within {@code radius}
   * (inclusive), nearest first, as pool indices.
   */
  synchronized Candidates candidates(
      double[][] draws, int[] caps, double radius, Metric metric, int[] taken) {
    KdTree alive = tree(metric, taken);
    List<List<Neighbor>> out = new ArrayList<>(draws.length);
    for (int j = 0; j < draws.length; j++) {
      List<Neighbor> found = new ArrayList<>();
      if (alive.aliveCount() > 0) {
        for (Neighbor near : alive.kNearestWithin(draws[j], caps[j], radius, true)) {
          found.add(new Neighbor(indices[near.index()], near.distance()));
        }
      }
      out.add(found);
    }
    return Candidates.of(out, caps);
  }

  /** The bounding box: {min, max} per coordinate (infinite for an empty block). */
  double[][] box() {
    double[][] box = new double[2][dim];
    Arrays.fill(box[0], Double.POSITIVE_INFINITY);
    Arrays.fill(box[1], Double.NEGATIVE_INFINITY);
    for (int k = 0; k < indices.length; k++) {
      for (int d = 0; d < dim; d++) {
        double v = coords[k * dim + d];
        box[0][d] = Math.min(box[0][d], v);
        box[1][d] = Math.max(box[1][d], v);
      }
    }
    return box;
  }

  /** The sum of the points, per coordinate. */
  double[] sum() {
    double[] sum = new double[dim];
    for (int k = 0; k < indices.length; k++) {
      for (int d = 0; d < dim; d++) {
        sum[d] += coords[k * dim + d];
      }
    }
    return sum;
  }

  /** The sums of (x_a - mean_a)(x_b - mean_b) for a <= b, row by row of the upper triangle. */
  double[] centredProducts(double[] mean) {
    double[] out = new double[dim * (dim + 1) / 2];
    double[] centred = new double[dim];
    for (int k = 0; k < indices.length; k++) {
      for (int d = 0; d < dim; d++) {
        centred[d] = coords[k * dim + d] - mean[d];
      }
      int at = 0;
      for (int a = 0; a < dim; a++) {
        for (int b = a; b < dim; b++) {
          out[at++] += centred[a] * centred[b];
        }
      }
    }
    return out;
  }

  private double[] point(int local) {
    return Arrays.copyOfRange(coords, local * dim, (local + 1) * dim);
  }

  /** Checks that a block's rows were all of dimension {@code dim}; used in messages. */
  static void checkDim(int found, int dim, long index) {
    if (found != dim) {
      throw new InputException(
          "encoding at index " + index + " has " + found + " values, the first has " + dim);
    }
  }
}
