package io.latentquery.sampling.propagate;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.neighbors.KdTree;
import io.latentquery.sampling.neighbors.Neighbor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * An undirected graph with unit edge weights, stored as sorted neighbour lists (compressed rows):
 * the k-nearest-neighbour graph of a pool, or any graph given by its edges. Memory is O(N k).
 */
public final class KnnGraph {
  private final int[] start;
  private final int[] neighbors;

  private KnnGraph(int[] start, int[] neighbors) {
    this.start = start;
    this.neighbors = neighbors;
  }

  /**
   * The symmetric k-nearest-neighbour graph (Euclidean): i and j are joined when j is among the k
   * nearest other points of i or i among those of j. Ties go to the lower index.
   */
  public static KnnGraph of(Points points, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("neighbors must be >= 1, got " + k);
    }
    int n = points.count();
    KdTree tree = new KdTree(points);
    List<TreeSet<Integer>> adjacency = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      adjacency.add(new TreeSet<>());
    }
    double[] query = new double[points.dim()];
    for (int i = 0; i < n; i++) {
      points.copyPoint(i, query);
      int taken = 0;
      for (Neighbor neighbor : tree.kNearest(query, k + 1, false)) {
        int j = neighbor.index();
        if (j == i || taken == k) {
          continue;
        }
        adjacency.get(i).add(j);
        adjacency.get(j).add(i);
        taken++;
      }
    }
    return fromSets(adjacency);
  }

  /** The graph on {@code n} vertices with the undirected {@code edges}, each {i, j}, i != j. */
  public static KnnGraph ofEdges(int n, int[][] edges) {
    List<TreeSet<Integer>> adjacency = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      adjacency.add(new TreeSet<>());
    }
    for (int[] edge : edges) {
      if (edge.length != 2 || edge[0] == edge[1]) {
        throw new IllegalArgumentException("an edge joins two different vertices");
      }
      adjacency.get(edge[0]).add(edge[1]);
      adjacency.get(edge[1]).add(edge[0]);
    }
    return fromSets(adjacency);
  }

  private static KnnGraph fromSets(List<TreeSet<Integer>> adjacency) {
    int n = adjacency.size();
    int[] start = new int[n + 1];
    for (int i = 0; i < n; i++) {
      start[i + 1] = start[i] + adjacency.get(i).size();
    }
    int[] neighbors = new int[start[n]];
    for (int i = 0; i < n; i++) {
      int p = start[i];
      for (int j : adjacency.get(i)) {
        neighbors[p++] = j;
      }
    }
    return new KnnGraph(start, neighbors);
  }

  public int size() {
    return start.length - 1;
  }

  public int degree(int i) {
    return start[i + 1] - start[i];
  }

  /** The neighbours of {@code i}, ascending. */
  public int[] neighbors(int i) {
    return Arrays.copyOfRange(neighbors, start[i], start[i + 1]);
  }

  /** The number of undirected edges. */
  public long edgeCount() {
    return neighbors.length / 2;
  }

  int rowStart(int i) {
    return start[i];
  }

  int neighborAt(int p) {
    return neighbors[p];
  }
}
