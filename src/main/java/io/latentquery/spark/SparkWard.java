package io.latentquery.spark;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.cluster.Clustering;
import io.latentquery.sampling.cluster.WardClustering;
import io.latentquery.sampling.cluster.WardLinkage;
import io.latentquery.sampling.cluster.WardMode;
import io.latentquery.sampling.neighbors.KdTree;
import io.latentquery.sampling.strategy.ClusterSettings;
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
import org.apache.spark.storage.StorageLevel;

/**
 * Cuts a pool on Spark into Ward clusters. Where {@link WardClustering#resolve} says exact, the
 * driver runs {@link WardLinkage} on every point, as lq sample does. Otherwise Spark MLlib k-means
 * (k-means||, seeded with the run's seed, at most 10 iterations) finds the centres, each point
 * takes its nearest centre, and the driver runs exact Ward on the centres weighted by their counts
 * ({@link WardClustering#cellClusters}); each point then takes its centre's Ward cluster. Clusters
 * are numbered as {@link Clustering#canonical} numbers them, in the order of their smallest pool
 * index. The result holds the pool's points again as one cached block per partition and cluster.
 */
final class SparkWard {
  /** How the Ward mode on k-means centres found by Spark is recorded. */
  static final String APPROX_SPARK = "approx-spark";

  /** Lloyd iterations of the k-means at most, as in the single-machine approximate mode. */
  static final int KMEANS_ITERATIONS = 10;

  /**
   * The clusters of a pool.
   *
   * @param blocks one cached block per partition and cluster
   * @param sizes the points in each cluster
   * @param mode {@code exact} or {@link #APPROX_SPARK}
   * @param centres the k-means centres asked for (0 when exact)
   * @param nonEmpty the centres holding at least one point, which Ward ran on (0 when exact)
   * @param iterations the k-means iterations run (0 when exact)
   */
  record Result(
      JavaRDD<PointBlock> blocks,
      int[] sizes,
      String mode,
      int centres,
      int nonEmpty,
      int iterations) {
    /** The blocks of cluster {@code c}. */
    JavaRDD<PointBlock> of(int c) {
      return blocks.filter(block -> block.cluster() == c);
    }

    /** Releases the cached blocks. */
    void release() {
      blocks.unpersist(false);
    }
  }

  private SparkWard() {}

  static Result cluster(SparkPool pool, ClusterSettings settings, long seed) {
    if (settings.clusters() > pool.count()) {
      throw new IllegalArgumentException(
          "cannot cut " + pool.count() + " points into " + settings.clusters() + " clusters");
    }
    WardMode mode =
        WardClustering.resolve(settings.ward(), pool.count(), pool.dim(), settings.centroids());
    return mode == WardMode.EXACT
        ? exact(pool, settings.clusters())
        : approx(pool, settings.clusters(), settings.centroids(), seed);
  }

  /** Exact Ward on every point, collected to the driver in pool order. */
  private static Result exact(SparkPool pool, int clusters) {
    int dim = pool.dim();
    double[] coords = new double[pool.count() * dim];
    for (PointBlock block : pool.blocks().collect()) {
      int[] indices = block.indices();
      List<double[]> points = block.points();
      for (int k = 0; k < indices.length; k++) {
        System.arraycopy(points.get(k), 0, coords, indices[k] * dim, dim);
      }
    }
    Clustering clustering =
        Clustering.canonical(WardLinkage.fit(new Points(coords, pool.count(), dim)).cut(clusters));
    Broadcast<int[]> labels = context(pool).broadcast(clustering.assignments());
    JavaRDD<PointBlock> blocks =
        pool.blocks()
            .flatMap(
                block -> {
                  int[] indices = block.indices();
                  int[] own = new int[indices.length];
                  for (int k = 0; k < own.length; k++) {
                    own[k] = labels.value()[indices[k]];
                  }
                  return block.split(own).iterator();
                });
    return new Result(
        materialise(pool, blocks), clustering.sizes(), WardMode.EXACT.label(), 0, 0, 0);
  }

  /** MLlib k-means to {@code centres} centres, then Ward on the weighted centres. */
  private static Result approx(SparkPool pool, int clusters, int centres, long seed) {
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
            .setK(centres)
            .setSeed(seed)
            .setMaxIter(KMEANS_ITERATIONS)
            .setTol(1e-4)
            .setFeaturesCol("features")
            .fit(features);
    Vector[] found = model.clusterCenters();
    int dim = pool.dim();
    double[] coords = new double[found.length * dim];
    for (int c = 0; c < found.length; c++) {
      System.arraycopy(found[c].toArray(), 0, coords, c * dim, dim);
    }
    Points centrePoints = new Points(coords, found.length, dim);
    Broadcast<double[]> shared = context(pool).broadcast(coords);
    int count = found.length;
    long[][] cells =
        pool.blocks()
            .map(block -> cellCounts(block, centreTree(shared.value(), count, dim), count))
            .treeReduce(SparkWard::addCells);
    int[] sizes = new int[count];
    for (int c = 0; c < count; c++) {
      sizes[c] = Math.toIntExact(cells[0][c]);
    }
    int[] ward = WardClustering.cellClusters(centrePoints, sizes, clusters);
    int labels = Arrays.stream(ward).max().orElse(-1) + 1;
    long[] first = new long[labels];
    Arrays.fill(first, -1);
    for (int c = 0; c < count; c++) {
      if (ward[c] >= 0 && (first[ward[c]] < 0 || cells[1][c] < first[ward[c]])) {
        first[ward[c]] = cells[1][c];
      }
    }
    int[] numbers = Clustering.canonicalNumbers(first);
    int[] cellCluster = new int[count];
    int[] clusterSizes = new int[labels];
    for (int c = 0; c < count; c++) {
      cellCluster[c] = ward[c] < 0 ? -1 : numbers[ward[c]];
      if (cellCluster[c] >= 0) {
        clusterSizes[cellCluster[c]] += sizes[c];
      }
    }
    Broadcast<int[]> sharedClusters = context(pool).broadcast(cellCluster);
    JavaRDD<PointBlock> blocks =
        pool.blocks()
            .flatMap(
                block -> {
                  int[] nearest = block.nearestCentres(centreTree(shared.value(), count, dim));
                  int[] own = new int[nearest.length];
                  for (int k = 0; k < own.length; k++) {
                    own[k] = sharedClusters.value()[nearest[k]];
                  }
                  return block.split(own).iterator();
                });
    int nonEmpty = (int) Arrays.stream(sizes).filter(size -> size > 0).count();
    return new Result(
        materialise(pool, blocks),
        clusterSizes,
        APPROX_SPARK,
        centres,
        nonEmpty,
        model.summary().numIter());
  }

  private static KdTree centreTree(double[] coords, int count, int dim) {
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

  /**
   * Caches the clustered blocks, fills the cache with one pass and drops the pool's own blocks, so
   * the pool is held once.
   */
  private static JavaRDD<PointBlock> materialise(SparkPool pool, JavaRDD<PointBlock> blocks) {
    JavaRDD<PointBlock> cached = blocks.persist(StorageLevel.MEMORY_ONLY());
    cached.count();
    pool.releaseBlocks();
    return cached;
  }

  private static JavaSparkContext context(SparkPool pool) {
    return JavaSparkContext.fromSparkContext(pool.spark().sparkContext());
  }
}
