package io.latentquery.spark;

import io.latentquery.InputException;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.baseline.ClusterTypicality;
import io.latentquery.sampling.baseline.TypiClustSchedule;
import io.latentquery.sampling.baseline.TypiClustSettings;
import io.latentquery.sampling.baseline.TypiClustStrategy;
import io.latentquery.sampling.neighbors.KdTree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * {@code typiclust} on Spark: MLlib k-means with k = min(n + labeled, max clusters) ({@link
 * SparkKMeans}), the schedule of picks over the clusters planned on the driver from the cluster
 * sizes ({@link TypiClustSchedule}, as lq sample plans it), then each cluster that gives picks
 * gathered into one task, which makes that cluster's picks with the single-machine {@link
 * ClusterTypicality#mostTypical} over its unlabeled members in pool order. On the same clusters the
 * selection is lq sample's.
 *
 * <p>A cluster is held whole in one task: about {@link #bytesPerMember} bytes a member. A cluster
 * larger than {@link #MAX_CLUSTER_BYTES} allows is refused before the shuffle, with one line.
 */
final class SparkTypiClust {
  /** The most bytes one cluster's task may hold: 512 MiB. */
  static final long MAX_CLUSTER_BYTES = 512L << 20;

  private SparkTypiClust() {}

  /**
   * The bytes a task holds per cluster member at dimension {@code dim}: five copies of the
   * coordinates (shuffled, joined, sorted, the typicality's own and its k-d tree's) and the
   * indices, sort keys, typicality state and tree nodes.
   */
  static long bytesPerMember(int dim) {
    return 48L * dim + 64;
  }

  static Selection select(
      SparkPool pool, SelectionRequest request, TypiClustSettings settings, StageMeter meter) {
    return select(pool, request, settings, meter, MAX_CLUSTER_BYTES);
  }

  /** As {@link #select(SparkPool, SelectionRequest, TypiClustSettings, StageMeter)}, with a cap. */
  static Selection select(
      SparkPool pool,
      SelectionRequest request,
      TypiClustSettings settings,
      StageMeter meter,
      long maxClusterBytes) {
    request.checkAgainst(pool.count());
    int[] labeled = Arrays.stream(request.alreadySelected()).distinct().toArray();
    int budget = request.budget();
    int k = Math.min(budget + labeled.length, settings.maxClusters());
    SparkKMeans.Settings kmeans = SparkKMeans.Settings.standard(k, request.seed());
    SparkKMeans.Cells cells = SparkKMeans.fit(pool, kmeans, meter);
    int count = cells.centres().count();
    int dim = pool.dim();
    double[] centres = cells.centres().toArray();
    int[] labeledIn = SparkKMeans.countNearest(pool, cells, labeled);
    int[] sizes = cells.sizes();
    TypiClustSchedule schedule =
        TypiClustSchedule.of(sizes, labeledIn, settings.minClusterSize(), budget);
    int[] picksOf = schedule.picksPerCluster(count);
    long perMember = bytesPerMember(dim);
    for (int c = 0; c < count; c++) {
      long members = sizes[c] - labeledIn[c];
      if (picksOf[c] > 0 && members * perMember > maxClusterBytes) {
        throw new InputException(
            "typiclust on Spark holds each cluster in one task, and cluster "
                + c
                + " has "
                + members
                + " points, more than the "
                + maxClusterBytes / perMember
                + " a task may hold at L = "
                + dim
                + "; select a larger n or raise --typiclust-max-clusters");
      }
    }
    int[][] picks =
        meter.stage(
            "typicality",
            () -> picks(pool, new Plan(centres, count, picksOf, labeled, settings.neighbors())));
    Map<String, Object> parameters =
        TypiClustStrategy.describe(settings, k, schedule, labeled.length);
    parameters.put("kmeans_algorithm", "spark-mllib");
    parameters.put("kmeans_start", "k-means||");
    parameters.put("kmeans_iterations", cells.iterations());
    parameters.put("kmeans_max_iterations", kmeans.maxIterations());
    parameters.put("kmeans_tolerance", kmeans.tolerance());
    parameters.put("kmeans_centres", count);
    parameters.put("inertia", cells.cost());
    double[] distances = new double[budget];
    Arrays.fill(distances, Double.NaN);
    return new Selection(schedule.assemble(picks), distances, schedule.clusters(), parameters);
  }

  /**
   * What the tasks need.
   *
   * @param centres the k-means centres, row by row
   * @param count how many centres
   * @param picksOf the picks each cluster gives
   * @param labeled the labeled pool indices, ascending
   * @param neighbors the most neighbours of the typicality
   */
  private record Plan(double[] centres, int count, int[] picksOf, int[] labeled, int neighbors)
      implements java.io.Serializable {}

  /** Each cluster's picks, as pool indices in the order taken (null where it gives none). */
  private static int[][] picks(SparkPool pool, Plan plan) {
    int giving = (int) Arrays.stream(plan.picksOf()).filter(p -> p > 0).count();
    JavaSparkContext context = SparkKMeans.context(pool);
    int partitions = Math.max(1, Math.min(giving, 4 * context.defaultParallelism()));
    int dim = pool.dim();
    Broadcast<Plan> shared = context.broadcast(plan);
    List<Tuple2<Integer, int[]>> found =
        pool.blocks()
            .flatMapToPair(
                block -> {
                  Plan p = shared.value();
                  KdTree tree = SparkKMeans.tree(p.centres(), p.count(), dim);
                  int[] own = block.nearestCentres(tree);
                  int[] indices = block.indices();
                  for (int j = 0; j < own.length; j++) {
                    if (p.picksOf()[own[j]] == 0
                        || Arrays.binarySearch(p.labeled(), indices[j]) >= 0) {
                      own[j] = -1;
                    }
                  }
                  List<Tuple2<Integer, PointBlock>> out = new ArrayList<>();
                  for (PointBlock part : block.split(own)) {
                    out.add(new Tuple2<>(part.cluster(), part));
                  }
                  return out.iterator();
                })
            .groupByKey(partitions)
            .map(
                group -> {
                  Plan p = shared.value();
                  int c = group._1();
                  PointBlock members = PointBlock.merge(group._2(), c);
                  int[] all = IntStream.range(0, members.size()).toArray();
                  int[] local =
                      ClusterTypicality.mostTypical(
                          members.asPoints(), all, p.neighbors(), p.picksOf()[c]);
                  int[] indices = members.indices();
                  int[] chosen = new int[local.length];
                  for (int j = 0; j < local.length; j++) {
                    chosen[j] = indices[local[j]];
                  }
                  return new Tuple2<>(c, chosen);
                })
            .collect();
    shared.destroy();
    int[][] out = new int[plan.count()][];
    for (Tuple2<Integer, int[]> cluster : found) {
      out[cluster._1()] = cluster._2();
    }
    return out;
  }
}
