package io.latentquery.spark;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.baseline.KMeansRuns;
import io.latentquery.sampling.neighbors.KdTree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Spark MLlib k-means on a pool's cached blocks (k-means|| start, seeded with the run's seed), and
 * the cells of the centres it finds: each point's nearest centre (a k-d tree of the centres, built
 * per partition), counted per centre in one pass.
 */
final class SparkKMeans {
  /**
   * What k-means found.
   *
   * @param centres the centres MLlib returned (at most k; fewer where the pool has fewer distinct
   *     points)
   * @param sizes the points nearest each centre
   * @param first the smallest pool index among them (-1 for an empty cell)
   * @param iterations the Lloyd iterations MLlib ran
   * @param cost MLlib's training cost: the sum of squared distances to the nearest centre
   */
  record Cells(Points centres, int[] sizes, long[] first, int iterations, double cost) {}

  /**
   * How MLlib runs.
   *
   * @param k centres asked for
   * @param maxIterations Lloyd iterations at most
   * @param tolerance MLlib's convergence tolerance (the largest move of a centre)
   * @param seed the run's seed
   */
  record Settings(int k, int maxIterations, double tolerance, long seed) {
    /** k centres with the iteration cap and tolerance of {@code lq sample}'s k-means. */
    static Settings standard(int k, long seed) {
      KMeansRuns runs = KMeansRuns.defaults();
      return new Settings(k, runs.maxIterations(), runs.tolerance(), seed);
    }
  }

  private SparkKMeans() {}

  /** The k-means fit, recorded in {@code meter} as stage {@code kmeans}. */
  static Cells fit(SparkPool pool, Settings settings, StageMeter meter) {
    return meter.stage("kmeans", () -> fit(pool, settings));
  }

  static Cells fit(SparkPool pool, Settings settings) {
    StructType schema = new StructType().add("features", SQLDataTypes.VectorType(), false);
    JavaRDD<Row> rows =
        pool.blocks()
            .flatMap(
                block -> {
                  List<Row> out = new ArrayList<>(block.size());
                  for (double[] z : block.points()) {
                    out.add(RowFactory.create(Vectors.dense(z)));
                  }
                  return out.iterator();
                });
    Dataset<Row> features = pool.spark().createDataFrame(rows, schema);
    KMeansModel model =
        new KMeans()
            .setK(settings.k())
            .setSeed(settings.seed())
            .setMaxIter(settings.maxIterations())
            .setTol(settings.tolerance())
            .setFeaturesCol("features")
            .fit(features);
    Vector[] found = model.clusterCenters();
    int dim = pool.dim();
    double[] coords = new double[found.length * dim];
    for (int c = 0; c < found.length; c++) {
      System.arraycopy(found[c].toArray(), 0, coords, c * dim, dim);
    }
    int count = found.length;
    Broadcast<double[]> shared = context(pool).broadcast(coords);
    long[][] cells =
        pool.blocks()
            .map(block -> cellCounts(block, tree(shared.value(), count, dim), count))
            .treeReduce(SparkKMeans::addCells);
    shared.destroy();
    int[] sizes = new int[count];
    for (int c = 0; c < count; c++) {
      sizes[c] = Math.toIntExact(cells[0][c]);
    }
    return new Cells(
        new Points(coords, count, dim),
        sizes,
        cells[1],
        model.summary().numIter(),
        model.summary().trainingCost());
  }

  /** How many of the pool rows at {@code indices} lie nearest each of the fitted centres. */
  static int[] countNearest(SparkPool pool, Cells cells, int[] indices) {
    int count = cells.centres().count();
    int[] counts = new int[count];
    if (indices.length > 0) {
      KdTree tree = tree(cells.centres().toArray(), count, pool.dim());
      for (SparkPool.PoolRow row : pool.rowsAt(indices).values()) {
        counts[tree.nearest(row.z(), Double.POSITIVE_INFINITY, false).index()]++;
      }
    }
    return counts;
  }

  /** A Euclidean k-d tree of {@code count} centres in R^dim. */
  static KdTree tree(double[] coords, int count, int dim) {
    return new KdTree(new Points(coords, count, dim));
  }

  /** Per centre: {points, smallest pool index (-1 if none)}. */
  private static long[][] cellCounts(PointBlock block, KdTree centres, int count) {
    long[][] out = new long[2][count];
    Arrays.fill(out[1], -1);
    int[] nearest = block.nearestCentres(centres);
    int[] indices = block.indices();
    for (int k = 0; k < nearest.length; k++) {
      out[0][nearest[k]]++;
      if (out[1][nearest[k]] < 0) {
        out[1][nearest[k]] = indices[k];
      }
    }
    return out;
  }

  private static long[][] addCells(long[][] a, long[][] b) {
    long[][] out = new long[2][a[0].length];
    for (int c = 0; c < out[0].length; c++) {
      out[0][c] = a[0][c] + b[0][c];
      out[1][c] = a[1][c] < 0 ? b[1][c] : b[1][c] < 0 ? a[1][c] : Math.min(a[1][c], b[1][c]);
    }
    return out;
  }

  static JavaSparkContext context(SparkPool pool) {
    return JavaSparkContext.fromSparkContext(pool.spark().sparkContext());
  }
}
