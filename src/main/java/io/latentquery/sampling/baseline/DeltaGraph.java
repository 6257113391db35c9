package io.latentquery.sampling.baseline;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.neighbors.KdTree;
import io.latentquery.sampling.neighbors.Neighbor;
import java.util.Arrays;

/**
 * The delta-ball graph of ProbCover: an edge i -> j whenever |z_i - z_j| <= delta (every point
 * reaches itself). Built by one k-d tree radius search per point and stored as compressed rows (N +
 * 1 offsets, one int per edge), never as an N x N matrix. The Euclidean distance is symmetric, so
 * j's out-neighbours are also the points whose balls hold j.
 */
public final class DeltaGraph {
  /** The default bound on edges: 50 million, 200 MB of targets. */
  public static final int DEFAULT_MAX_EDGES = 50_000_000;

  private static final int SAMPLE = 500;

  private final double delta;
  private final int[] offsets;
  private final int[] targets;

  private DeltaGraph(double delta, int[] offsets, int[] targets) {
    this.delta = delta;
    this.offsets = offsets;
    this.targets = targets;
  }

  /**
   * Builds the graph, refusing (IllegalArgumentException) as soon as it would hold more than {@code
   * maxEdges} edges, so a too-large delta fails fast instead of exhausting memory.
   */
  public static DeltaGraph build(Points points, double delta, int maxEdges) {
    if (!(delta > 0) || !Double.isFinite(delta)) {
      throw new IllegalArgumentException("--delta must be a number > 0, got " + delta);
    }
    int count = points.count();
    KdTree tree = new KdTree(points);
    refuseIfClearlyTooLarge(points, tree, delta, maxEdges);
    int[] offsets = new int[count + 1];
    int[] targets = new int[(int) Math.min(maxEdges, Math.max(16L, 8L * count))];
    int edges = 0;
    double[] query = new double[points.dim()];
    for (int i = 0; i < count; i++) {
      points.copyPoint(i, query);
      var ball = tree.withinRadius(query, delta, false);
      if ((long) edges + ball.size() > maxEdges) {
        long estimate = (long) ((double) (edges + ball.size()) / (i + 1) * count);
        throw new IllegalArgumentException(
            String.format(
                "the delta-ball graph for delta = %s would exceed %,d edges (%,d after %,d of %,d points, about %,d in all);"
                    + " give a smaller --delta (or a larger --max-edges)",
                delta, maxEdges, edges + ball.size(), i + 1, count, estimate));
      }
      if (edges + ball.size() > targets.length) {
        long grown = Math.max((long) edges + ball.size(), targets.length + (targets.length >> 1));
        targets = Arrays.copyOf(targets, (int) Math.min(grown, maxEdges));
      }
      for (Neighbor neighbor : ball) {
        targets[edges++] = neighbor.index();
      }
      offsets[i + 1] = edges;
    }
    return new DeltaGraph(delta, offsets, Arrays.copyOf(targets, edges));
  }

  /**
   * Estimates the edge count from the balls of {@value #SAMPLE} evenly spaced points and refuses at
   * once when the estimate is over twice the bound, so a far too large delta fails in a fraction of
   * the time a full build needs to reach the bound. Near the bound the exact count during the build
   * decides.
   */
  private static void refuseIfClearlyTooLarge(
      Points points, KdTree tree, double delta, int maxEdges) {
    int count = points.count();
    if (count <= SAMPLE) {
      return;
    }
    long sampled = 0;
    double[] query = new double[points.dim()];
    for (int s = 0; s < SAMPLE; s++) {
      points.copyPoint((int) ((long) s * count / SAMPLE), query);
      sampled += tree.withinRadius(query, delta, false).size();
    }
    long estimate = sampled * count / SAMPLE;
    if (estimate > 2L * maxEdges) {
      throw new IllegalArgumentException(
          String.format(
              "the delta-ball graph for delta = %s would hold about %,d edges (estimated from %d sampled points), over the limit of %,d;"
                  + " give a smaller --delta (or a larger --max-edges)",
              delta, estimate, SAMPLE, maxEdges));
    }
  }

  public double delta() {
    return delta;
  }

  public int size() {
    return offsets.length - 1;
  }

  public long edges() {
    return targets.length;
  }

  /** The number of points within delta of point {@code i}, itself included. */
  public int degree(int i) {
    return offsets[i + 1] - offsets[i];
  }

  /** The points within delta of point {@code i}, nearest first. */
  public int[] ball(int i) {
    return Arrays.copyOfRange(targets, offsets[i], offsets[i + 1]);
  }

  int start(int i) {
    return offsets[i];
  }

  int end(int i) {
    return offsets[i + 1];
  }

  int target(int edge) {
    return targets[edge];
  }
}
