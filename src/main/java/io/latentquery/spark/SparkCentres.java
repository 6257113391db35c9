package io.latentquery.spark;

import io.latentquery.InputException;
import io.latentquery.sampling.Points;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.cluster.CentreRepresentatives;
import io.latentquery.sampling.neighbors.Metric;
import io.latentquery.sampling.neighbors.Neighbor;
import io.latentquery.sampling.strategy.DrawLoop;
import io.latentquery.sampling.strategy.DrawResolver;
import io.latentquery.sampling.strategy.TakeMode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * {@code kmeans} on Spark: MLlib k-means with k = n + labeled ({@link SparkKMeans}), then the pool
 * point nearest each centre, served as {@link CentreRepresentatives} serves them (largest cell
 * first, cells holding a labeled point skipped, each centre taking the nearest point neither
 * labeled nor taken already). The centres go to every partition in rounds; each partition returns
 * every centre's few nearest points not taken before the round, and the driver resolves the centres
 * in order. A centre whose candidates were all taken earlier in the round starts the next round, so
 * the picks are those of the sequential rule.
 */
final class SparkCentres {
  /** Candidates per centre and round at most. */
  static final int DEFAULT_CANDIDATES = 16;

  /** Centres per round at most. */
  static final int MAX_ROUND = 1 << 16;

  private SparkCentres() {}

  static Selection select(SparkPool pool, SelectionRequest request, StageMeter meter) {
    int n = request.budget();
    int[] labeled = Arrays.stream(request.alreadySelected()).distinct().toArray();
    int k = n + labeled.length;
    SparkKMeans.Settings kmeans = SparkKMeans.Settings.standard(k, request.seed());
    SparkKMeans.Cells cells = SparkKMeans.fit(pool, kmeans, meter);
    int count = cells.centres().count();
    if (count < n) {
      throw new InputException(
          "k-means found "
              + count
              + " distinct centres, fewer than n = "
              + n
              + ": the pool holds fewer distinct encodings than n");
    }
    int[] labeledIn = SparkKMeans.countNearest(pool, cells, labeled);
    boolean[] covered = new boolean[count];
    for (int c = 0; c < count; c++) {
      covered[c] = labeledIn[c] > 0;
    }
    int[] order;
    try {
      order = CentreRepresentatives.uncoveredOrder(cells.sizes(), covered, n);
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage() + " (labeled points cover the rest)");
    }
    int coveredClusters = 0;
    for (boolean c : covered) {
      coveredClusters += c ? 1 : 0;
    }
    CentreRepresentatives.Picks picks =
        meter.stage(
            "nearest",
            () ->
                representatives(
                    pool.blocks(),
                    new Served(cells.centres(), order, labeled, n),
                    DEFAULT_CANDIDATES));
    Map<String, Object> parameters = new TreeMap<>();
    parameters.put("strategy", "kmeans");
    parameters.put("clusters", k);
    parameters.put("labeled", labeled.length);
    parameters.put("covered_clusters", coveredClusters);
    parameters.put("labeled_rule", "k = n + labeled; clusters holding a labeled point are skipped");
    parameters.put("kmeans_algorithm", "spark-mllib");
    parameters.put("kmeans_start", "k-means||");
    parameters.put("kmeans_iterations", cells.iterations());
    parameters.put("kmeans_max_iterations", kmeans.maxIterations());
    parameters.put("kmeans_tolerance", kmeans.tolerance());
    parameters.put("inertia", cells.cost());
    return new Selection(picks.indices(), picks.distances(), picks.clusters(), parameters);
  }

  /**
   * Centres to serve and how many.
   *
   * @param centres every centre
   * @param order the centres to serve, in serving order (at least {@code budget})
   * @param excluded pool indices never taken (labeled already), ascending
   * @param budget how many to serve
   */
  record Served(Points centres, int[] order, int[] excluded, int budget) {}

  /** The representatives, with at most {@code candidates} candidates per centre and round. */
  static CentreRepresentatives.Picks representatives(
      JavaRDD<PointBlock> blocks, Served served, int candidates) {
    int budget = served.budget();
    int[] order = served.order();
    int[] excluded = served.excluded();
    DrawResolver resolver = new DrawResolver(TakeMode.NEAREST, budget);
    JavaSparkContext context = JavaSparkContext.fromSparkContext(blocks.context());
    int next = 0;
    while (!resolver.done()) {
      int round = Math.min(MAX_ROUND, budget - next);
      double[][] queries = new double[round][];
      int[] caps = new int[round];
      for (int j = 0; j < round; j++) {
        queries[j] = served.centres().point(order[next + j]);
        caps[j] = Math.min(j + 1, candidates);
      }
      int[] taken =
          IntStream.concat(
                  Arrays.stream(excluded), resolver.picks().stream().mapToInt(DrawLoop.Pick::index))
              .sorted()
              .toArray();
      Broadcast<double[][]> sharedQueries = context.broadcast(queries);
      Broadcast<int[]> sharedTaken = context.broadcast(taken);
      Candidates found =
          blocks
              .map(
                  b ->
                      b.candidates(
                          sharedQueries.value(),
                          caps,
                          Double.POSITIVE_INFINITY,
                          Metric.EUCLIDEAN,
                          sharedTaken.value()))
              .treeReduce(Candidates::merge);
      sharedQueries.destroy();
      sharedTaken.destroy();
      int j = 0;
      for (; j < round; j++) {
        List<Neighbor> near = found.of(j);
        if (near.stream().allMatch(c -> resolver.isTaken(c.index()))) {
          if (near.size() < caps[j]) {
            throw new IllegalStateException("no point is left for centre " + order[next + j]);
          }
          break;
        }
        resolver.resolve(queries[j], near);
      }
      next += j;
    }
    int[] indices = new int[budget];
    double[] distances = new double[budget];
    int[] clusters = new int[budget];
    List<DrawLoop.Pick> picks = resolver.picks();
    for (int r = 0; r < budget; r++) {
      indices[r] = picks.get(r).index();
      distances[r] = picks.get(r).distance();
      clusters[r] = order[r];
    }
    return new CentreRepresentatives.Picks(indices, clusters, distances, 0);
  }
}
