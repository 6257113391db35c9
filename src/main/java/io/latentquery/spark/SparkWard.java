package io.latentquery.spark;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.cluster.Clustering;
import io.latentquery.sampling.cluster.WardClustering;
import io.latentquery.sampling.cluster.WardLinkage;
import io.latentquery.sampling.cluster.WardMode;
import io.latentquery.sampling.neighbors.KdTree;
import io.latentquery.sampling.strategy.ClusterSettings;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
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

  /** MLlib's tolerance: k-means stops when no centre moves farther. */
  static final double KMEANS_TOLERANCE = 1e-4;

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

    /**
     * Per block, its cluster and how many of its points are in {@code labeled} (pool indices,
     * ascending); none when nothing is labeled.
     */
    List<int[]> labeledIn(int[] labeled) {
      if (labeled.length == 0) {
        return List.of();
      }
      Broadcast<int[]> shared =
          JavaSparkContext.fromSparkContext(blocks.context()).broadcast(labeled);
      List<int[]> out =
          blocks
              .map(
                  block -> {
                    int count = 0;
                    for (int i : block.indices()) {
                      count += Arrays.binarySearch(shared.value(), i) >= 0 ? 1 : 0;
                    }
                    return new int[] {block.cluster(), count};
                  })
              .collect();
      shared.destroy();
      return out;
    }

    /** Releases the cached blocks. */
    void release() {
      blocks.unpersist(false);
    }
  }

  private SparkWard() {}

  static Result cluster(SparkPool pool, ClusterSettings settings, long seed) {
    return cluster(pool, settings, seed, StageMeter.NONE);
  }

  /**
   * The clusters, with the k-means recorded as stage {@code kmeans} and the rest (Ward, the
   * assignment and caching of the clustered blocks) as stage {@code ward}.
   */
  static Result cluster(SparkPool pool, ClusterSettings settings, long seed, StageMeter meter) {
    if (settings.clusters() > pool.count()) {
      throw new IllegalArgumentException(
          "cannot cut " + pool.count() + " points into " + settings.clusters() + " clusters");
    }
    WardMode mode =
        WardClustering.resolve(settings.ward(), pool.count(), pool.dim(), settings.centroids());
    if (mode == WardMode.EXACT) {
      return meter.stage("ward", () -> exact(pool, settings.clusters()));
    }
    SparkKMeans.Cells cells =
        SparkKMeans.fit(
            pool,
            new SparkKMeans.Settings(
                settings.centroids(), KMEANS_ITERATIONS, KMEANS_TOLERANCE, seed),
            meter);
    return meter.stage(
        "ward", () -> approx(pool, cells, settings.clusters(), settings.centroids()));
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

  /** Ward on the weighted k-means centres (of the {@code centres} asked for). */
  private static Result approx(SparkPool pool, SparkKMeans.Cells cells, int clusters, int centres) {
    int count = cells.centres().count();
    int dim = pool.dim();
    int[] ward = WardClustering.cellClusters(cells.centres(), cells.sizes(), clusters);
    int labels = Arrays.stream(ward).max().orElse(-1) + 1;
    long[] first = new long[labels];
    Arrays.fill(first, -1);
    long[] cellFirst = cells.first();
    for (int c = 0; c < count; c++) {
      if (ward[c] >= 0 && (first[ward[c]] < 0 || cellFirst[c] < first[ward[c]])) {
        first[ward[c]] = cellFirst[c];
      }
    }
    int[] numbers = Clustering.canonicalNumbers(first);
    int[] cellCluster = new int[count];
    int[] clusterSizes = new int[labels];
    for (int c = 0; c < count; c++) {
      cellCluster[c] = ward[c] < 0 ? -1 : numbers[ward[c]];
      if (cellCluster[c] >= 0) {
        clusterSizes[cellCluster[c]] += cells.sizes()[c];
      }
    }
    Broadcast<double[]> sharedCentres = context(pool).broadcast(cells.centres().toArray());
    Broadcast<int[]> sharedClusters = context(pool).broadcast(cellCluster);
    JavaRDD<PointBlock> blocks =
        pool.blocks()
            .flatMap(
                block -> {
                  KdTree tree = SparkKMeans.tree(sharedCentres.value(), count, dim);
                  int[] nearest = block.nearestCentres(tree);
                  int[] own = new int[nearest.length];
                  for (int k = 0; k < own.length; k++) {
                    own[k] = sharedClusters.value()[nearest[k]];
                  }
                  return block.split(own).iterator();
                });
    int nonEmpty = (int) Arrays.stream(cells.sizes()).filter(size -> size > 0).count();
    return new Result(
        materialise(pool, blocks),
        clusterSizes,
        APPROX_SPARK,
        centres,
        nonEmpty,
        cells.iterations());
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
    return SparkKMeans.context(pool);
  }
}
