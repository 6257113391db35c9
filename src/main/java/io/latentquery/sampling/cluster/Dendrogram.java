package io.latentquery.sampling.cluster;

import java.util.Arrays;

/**
 * The merge tree of an agglomerative clustering in SciPy's {@code linkage} convention: leaves are
 * 0..n-1, merge i creates node n+i from nodes {@code left(i) < right(i)} at {@code height(i)},
 * merges sorted by height (ties in the order they happened). Immutable.
 */
public final class Dendrogram {
  private final int leaves;
  private final int[] left;
  private final int[] right;
  private final double[] heights;
  private final double[] sizes;

  Dendrogram(int leaves, int[] left, int[] right, double[] heights, double[] sizes) {
    this.leaves = leaves;
    this.left = left;
    this.right = right;
    this.heights = heights;
    this.sizes = sizes;
  }

  public int leafCount() {
    return leaves;
  }

  public int mergeCount() {
    return heights.length;
  }

  public int left(int merge) {
    return left[merge];
  }

  public int right(int merge) {
    return right[merge];
  }

  /** The Ward distance of merge i: sqrt(2 |A||B| / (|A|+|B|)) * ||c_A - c_B||. */
  public double height(int merge) {
    return heights[merge];
  }

  /** Total weight (points) under the node merge i creates. */
  public double size(int merge) {
    return sizes[merge];
  }

  /**
   * Cuts the tree into {@code k} clusters by undoing its k-1 highest merges. Clusters are numbered
   * 0..k-1 in the order of their smallest leaf, so the numbering never depends on how the tree was
   * built.
   */
  public int[] cut(int k) {
    if (k < 1 || k > leaves) {
      throw new IllegalArgumentException(
          "cannot cut " + leaves + " points into " + k + " clusters");
    }
    UnionFind sets = new UnionFind(2 * leaves);
    for (int i = 0; i < leaves - k; i++) {
      sets.union(left[i], leaves + i);
      sets.union(right[i], leaves + i);
    }
    int[] labelOfRoot = new int[2 * leaves];
    Arrays.fill(labelOfRoot, -1);
    int[] labels = new int[leaves];
    int next = 0;
    for (int leaf = 0; leaf < leaves; leaf++) {
      int root = sets.find(leaf);
      if (labelOfRoot[root] < 0) {
        labelOfRoot[root] = next++;
      }
      labels[leaf] = labelOfRoot[root];
    }
    return labels;
  }

  /** Disjoint sets with path halving. */
  static final class UnionFind {
    private final int[] parent;

    UnionFind(int n) {
      parent = new int[n];
      for (int i = 0; i < n; i++) {
        parent[i] = i;
      }
    }

    int find(int x) {
      while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    }

    /** Joins the sets of a and b under b's root. */
    void union(int a, int b) {
      int ra = find(a);
      int rb = find(b);
      if (ra != rb) {
        parent[ra] = rb;
      }
    }
  }
}
