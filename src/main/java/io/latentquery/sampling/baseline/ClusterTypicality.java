package io.latentquery.sampling.baseline;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.neighbors.KdTree;

/**
 * TypiClust's typicality over one cluster's remaining members, kept exact as members are taken: 1 /
 * mean Euclidean distance from a member to its K = min(max neighbours, remaining / 2) nearest other
 * remaining members. Every member is measured once at the start; after a member is taken, only the
 * members that had it within their K-th neighbour's distance are measured again (the rest keep the
 * same K nearest), and all are measured again when K itself shrinks. The values are the ones a
 * fresh search over the remaining members gives, bit for bit.
 */
public final class ClusterTypicality {
  private final int[] candidates;
  private final Points local;
  private final KdTree tree;
  private final int maxNeighbors;
  private final double[] mean;
  private final double[] reach;
  private final boolean[] gone;
  private final double[] query;
  private final int[] foundIndices;
  private final double[] foundDistances;
  private int remaining;
  private int neighbors;

  /**
   * @param candidates the cluster's members still free, ascending pool indices
   * @param maxNeighbors the most neighbours of the typicality (the reference's 20)
   */
  ClusterTypicality(Points points, int[] candidates, int maxNeighbors) {
    this.candidates = candidates.clone();
    this.local = points.subset(candidates);
    this.tree = new KdTree(local);
    this.maxNeighbors = maxNeighbors;
    this.mean = new double[candidates.length];
    this.reach = new double[candidates.length];
    this.gone = new boolean[candidates.length];
    this.query = new double[points.dim()];
    this.foundIndices = new int[maxNeighbors + 1];
    this.foundDistances = new double[maxNeighbors + 1];
    this.remaining = candidates.length;
    this.neighbors = Math.min(maxNeighbors, remaining / 2);
    measureAll();
  }

  /**
   * The first {@code count} picks of one cluster, each its most typical member left after the picks
   * before it: the per-cluster half of {@code typiclust}, which a single machine and each Spark
   * task run alike.
   *
   * @param points the points the candidates index
   * @param candidates the cluster's members still free, ascending indices into {@code points}
   * @param maxNeighbors the most neighbours of the typicality (the reference's 20)
   * @param count the picks wanted, at most {@code candidates.length}
   * @return the indices into {@code points} of the picks, in the order taken
   */
  public static int[] mostTypical(Points points, int[] candidates, int maxNeighbors, int count) {
    if (count > candidates.length) {
      throw new IllegalArgumentException(
          "cannot take " + count + " of " + candidates.length + " members");
    }
    ClusterTypicality cluster = new ClusterTypicality(points, candidates, maxNeighbors);
    int[] picks = new int[count];
    for (int p = 0; p < count; p++) {
      picks[p] = cluster.takeMostTypical();
    }
    return picks;
  }

  /**
   * Takes the most typical remaining member (the lowest mean distance, ties by lower index; the
   * first when K = 0) and returns its pool index, or -1 when none remain.
   */
  int takeMostTypical() {
    int best = -1;
    for (int j = 0; j < candidates.length; j++) {
      if (!gone[j] && (best < 0 || (neighbors > 0 && mean[j] < mean[best]))) {
        best = j;
      }
    }
    if (best >= 0) {
      take(best);
    }
    return best < 0 ? -1 : candidates[best];
  }

  private void take(int t) {
    gone[t] = true;
    tree.remove(t);
    remaining--;
    int next = Math.min(maxNeighbors, remaining / 2);
    if (next != neighbors) {
      neighbors = next;
      measureAll();
      return;
    }
    if (neighbors == 0) {
      return;
    }
    for (int j = 0; j < candidates.length; j++) {
      if (!gone[j] && Math.sqrt(local.squaredDistance(j, t)) <= reach[j]) {
        measure(j);
      }
    }
  }

  private void measureAll() {
    if (neighbors == 0) {
      return;
    }
    for (int j = 0; j < candidates.length; j++) {
      if (!gone[j]) {
        measure(j);
      }
    }
  }

  /** The mean distance from member j to its K nearest other remaining members, and the K-th. */
  private void measure(int j) {
    local.copyPoint(j, query);
    double sum = 0;
    int used = 0;
    double last = 0;
    int found = tree.kNearest(query, neighbors + 1, true, foundIndices, foundDistances);
    for (int f = 0; f < found; f++) {
      if (foundIndices[f] != j && used < neighbors) {
        sum += foundDistances[f];
        last = foundDistances[f];
        used++;
      }
    }
    mean[j] = sum / used;
    reach[j] = last;
  }
}
