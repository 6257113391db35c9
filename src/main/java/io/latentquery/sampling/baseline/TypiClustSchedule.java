package io.latentquery.sampling.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which cluster gives each of {@code typiclust}'s picks, in selection order, from the clusters'
 * sizes alone: clusters are served in the reference's order (fewest labeled points first, then
 * largest first, then lowest id), round after round, each giving one pick while it has a member
 * that is neither labeled nor taken; clusters of at most the minimum size serve only once every
 * larger cluster is exhausted. The order depends on the sizes only, so a driver can plan it before
 * any cluster's typicality is measured, and each cluster can then make its own picks apart.
 *
 * @param clusters the cluster of each pick, in selection order
 * @param largeClusters the clusters larger than the minimum size
 * @param fromSmall the picks made by clusters of at most the minimum size
 */
public record TypiClustSchedule(int[] clusters, int largeClusters, int fromSmall) {
  public TypiClustSchedule {
    clusters = clusters.clone();
  }

  @Override
  public int[] clusters() {
    return clusters.clone();
  }

  /**
   * The schedule of {@code budget} picks.
   *
   * @param sizes the members of each cluster, labeled ones included
   * @param labeledIn the labeled members of each cluster
   * @param minClusterSize clusters of at most this many members serve last
   * @param budget the picks wanted; at most the unlabeled members of all clusters together
   */
  public static TypiClustSchedule of(int[] sizes, int[] labeledIn, int minClusterSize, int budget) {
    int k = sizes.length;
    Integer[] order = new Integer[k];
    for (int c = 0; c < k; c++) {
      order[c] = c;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          if (labeledIn[a] != labeledIn[b]) {
            return Integer.compare(labeledIn[a], labeledIn[b]);
          }
          return sizes[a] != sizes[b] ? Integer.compare(sizes[b], sizes[a]) : Integer.compare(a, b);
        });
    List<Integer> large = new ArrayList<>();
    List<Integer> small = new ArrayList<>();
    for (int c : order) {
      if (sizes[c] > minClusterSize) {
        large.add(c);
      } else if (sizes[c] > 0) {
        small.add(c);
      }
    }
    int[] free = new int[k];
    for (int c = 0; c < k; c++) {
      free[c] = sizes[c] - labeledIn[c];
    }
    int[] picks = new int[budget];
    int filled = serve(large, free, picks, 0);
    int fromLarge = filled;
    filled = serve(small, free, picks, filled);
    if (filled < budget) {
      throw new IllegalArgumentException(
          "the clusters hold " + filled + " unlabeled points, fewer than the budget " + budget);
    }
    return new TypiClustSchedule(picks, large.size(), filled - fromLarge);
  }

  /** Rounds over {@code order} until the picks are filled or every cluster there is exhausted. */
  private static int serve(List<Integer> order, int[] free, int[] picks, int filled) {
    List<Integer> open = new ArrayList<>(order);
    while (filled < picks.length && !open.isEmpty()) {
      List<Integer> stillOpen = new ArrayList<>(open.size());
      for (int c : open) {
        if (filled == picks.length) {
          break;
        }
        if (free[c] > 0) {
          free[c]--;
          picks[filled++] = c;
          stillOpen.add(c);
        }
      }
      open = stillOpen;
    }
    return filled;
  }

  /** How many picks each of {@code k} clusters gives. */
  public int[] picksPerCluster(int k) {
    int[] count = new int[k];
    for (int c : clusters) {
      count[c]++;
    }
    return count;
  }

  /**
   * The selection in schedule order, from each cluster's own picks in the order it made them.
   *
   * @param perCluster cluster c's picks (at least as many as the schedule asks of it), or null for
   *     a cluster that gives none
   */
  public int[] assemble(int[][] perCluster) {
    int[] next = new int[perCluster.length];
    int[] out = new int[clusters.length];
    for (int s = 0; s < clusters.length; s++) {
      int c = clusters[s];
      out[s] = perCluster[c][next[c]++];
    }
    return out;
  }
}
