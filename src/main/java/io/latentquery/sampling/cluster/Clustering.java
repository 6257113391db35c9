package io.latentquery.sampling.cluster;

import java.util.Arrays;

/**
 * A partition of N points into k clusters numbered 0..k-1 in the order of their smallest point
 * index (so two runs that find the same partition number it the same way).
 *
 * @param assignments the cluster of every point
 * @param clusters k
 */
public record Clustering(int[] assignments, int clusters) {
  public Clustering {
    assignments = assignments.clone();
    for (int a : assignments) {
      if (a < 0 || a >= clusters) {
        throw new IllegalArgumentException("cluster " + a + " is outside 0.." + (clusters - 1));
      }
    }
  }

  /** Renumbers arbitrary non-negative labels in the order of first appearance. */
  public static Clustering canonical(int[] labels) {
    int max = Arrays.stream(labels).max().orElse(-1);
    int[] renamed = new int[max + 1];
    Arrays.fill(renamed, -1);
    int next = 0;
    int[] out = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      if (renamed[labels[i]] < 0) {
        renamed[labels[i]] = next++;
      }
      out[i] = renamed[labels[i]];
    }
    return new Clustering(out, next);
  }

  /**
   * The numbering {@link #canonical} gives, from each label's smallest point index alone (so a
   * distributed run can number clusters without holding every label): label l becomes the number of
   * labels whose smallest point comes before its own. A label no point carries ({@code
   * firstMember[l] < 0}) gets -1.
   */
  public static int[] canonicalNumbers(long[] firstMember) {
    Integer[] order =
        java.util.stream.IntStream.range(0, firstMember.length)
            .filter(l -> firstMember[l] >= 0)
            .boxed()
            .toArray(Integer[]::new);
    Arrays.sort(order, (a, b) -> Long.compare(firstMember[a], firstMember[b]));
    int[] numbers = new int[firstMember.length];
    Arrays.fill(numbers, -1);
    for (int rank = 0; rank < order.length; rank++) {
      numbers[order[rank]] = rank;
    }
    return numbers;
  }

  @Override
  public int[] assignments() {
    return assignments.clone();
  }

  public int clusterOf(int point) {
    return assignments[point];
  }

  public int size() {
    return assignments.length;
  }

  /** The number of points in each cluster. */
  public int[] sizes() {
    int[] sizes = new int[clusters];
    for (int a : assignments) {
      sizes[a]++;
    }
    return sizes;
  }

  /** The point indices of each cluster, ascending. */
  public int[][] members() {
    int[] sizes = sizes();
    int[][] members = new int[clusters][];
    for (int c = 0; c < clusters; c++) {
      members[c] = new int[sizes[c]];
    }
    int[] fill = new int[clusters];
    for (int i = 0; i < assignments.length; i++) {
      members[assignments[i]][fill[assignments[i]]++] = i;
    }
    return members;
  }
}
