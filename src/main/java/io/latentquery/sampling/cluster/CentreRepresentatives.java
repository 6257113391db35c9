package io.latentquery.sampling.cluster;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.neighbors.KdTree;
import io.latentquery.sampling.neighbors.Neighbor;
import java.util.Arrays;

/**
 * One representative per cluster: the clusters that hold no labeled point are served largest first,
 * each taking the pool point nearest its centre that is neither labeled nor taken already, until
 * the budget is met. So two centres never share a point (the second takes its next nearest), and
 * any prefix of the picks holds the largest clusters.
 */
public final class CentreRepresentatives {
  private CentreRepresentatives() {}

  /**
   * A partition of the pool with a centre per cluster.
   *
   * @param assignments each point's cluster
   * @param centres one centre per cluster, in cluster order
   */
  public record Partition(int[] assignments, Points centres) {
    public Partition {
      if (centres.count() < 1) {
        throw new IllegalArgumentException("a partition needs at least one cluster");
      }
    }

    /** The clusters of {@code clustering}, each centred on the mean of its members. */
    public static Partition meansOf(Points points, Clustering clustering) {
      int k = clustering.clusters();
      double[] sums = new double[k * points.dim()];
      int[] sizes = clustering.sizes();
      for (int i = 0; i < points.count(); i++) {
        int c = clustering.clusterOf(i);
        for (int d = 0; d < points.dim(); d++) {
          sums[c * points.dim() + d] += points.get(i, d) / sizes[c];
        }
      }
      return new Partition(clustering.assignments(), new Points(sums, k, points.dim()));
    }

    int clusters() {
      return centres.count();
    }
  }

  /**
   * The picks, cluster of each and distance to its centre.
   *
   * @param coveredClusters clusters skipped because they hold a labeled point
   */
  public record Picks(int[] indices, int[] clusters, double[] distances, int coveredClusters) {}

  /** The order clusters are served in: largest first, ties to the lower cluster number. */
  public static int[] servingOrder(int[] sizes) {
    Integer[] order = new Integer[sizes.length];
    for (int c = 0; c < sizes.length; c++) {
      order[c] = c;
    }
    Arrays.sort(
        order,
        (a, b) ->
            sizes[a] != sizes[b] ? Integer.compare(sizes[b], sizes[a]) : Integer.compare(a, b));
    return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }

  /**
   * The clusters that hold no labeled point, in serving order.
   *
   * @param covered whether each cluster holds a labeled point
   * @param budget the picks wanted
   * @throws IllegalArgumentException when fewer than {@code budget} clusters are uncovered
   */
  public static int[] uncoveredOrder(int[] sizes, boolean[] covered, int budget) {
    int[] order = Arrays.stream(servingOrder(sizes)).filter(c -> !covered[c]).toArray();
    if (order.length < budget) {
      throw new IllegalArgumentException(
          "only "
              + order.length
              + " of "
              + sizes.length
              + " clusters are uncovered, fewer than the budget "
              + budget);
    }
    return order;
  }

  /**
   * Picks {@code budget} representatives.
   *
   * @param labeled which pool points are labeled already (never picked; their clusters skipped)
   * @throws IllegalArgumentException when fewer than {@code budget} clusters are uncovered
   */
  public static Picks pick(Points points, Partition partition, boolean[] labeled, int budget) {
    int k = partition.clusters();
    int[] sizes = new int[k];
    boolean[] covered = new boolean[k];
    for (int i = 0; i < points.count(); i++) {
      sizes[partition.assignments()[i]]++;
      if (labeled[i]) {
        covered[partition.assignments()[i]] = true;
      }
    }
    int[] order = uncoveredOrder(sizes, covered, budget);
    int coveredClusters = 0;
    for (boolean c : covered) {
      coveredClusters += c ? 1 : 0;
    }
    KdTree tree = new KdTree(points);
    for (int i = 0; i < labeled.length; i++) {
      if (labeled[i]) {
        tree.remove(i);
      }
    }
    int[] indices = new int[budget];
    double[] distances = new double[budget];
    int[] clusters = new int[budget];
    for (int filled = 0; filled < budget; filled++) {
      int c = order[filled];
      Neighbor nearest = tree.nearest(partition.centres().point(c), Double.POSITIVE_INFINITY, true);
      tree.remove(nearest.index());
      indices[filled] = nearest.index();
      distances[filled] = nearest.distance();
      clusters[filled] = c;
    }
    return new Picks(indices, clusters, distances, coveredClusters);
  }
}
