package io.latentquery.sampling.cluster;

import io.latentquery.sampling.Points;
import java.util.Arrays;

/**
 * Exact agglomerative Ward clustering in O(N) memory: the nearest-neighbour chain algorithm on
 * cluster centroids and sizes, with a bounding-volume tree to find each cluster's nearest
 * neighbour. No N x N dissimilarity matrix is ever built, so 70,000 points need a few megabytes.
 *
 * <p>The Ward distance between clusters A and B is {@code sqrt(2|A||B|/(|A|+|B|)) ||c_A - c_B||}:
 * the Lance-Williams Ward update on Euclidean distances, written on centroids, and the height
 * SciPy's {@code linkage(method='ward')} reports. Ward is reducible, so merging reciprocal nearest
 * neighbours as the chain finds them yields exactly the greedy dendrogram. Points may carry weights
 * (a point of weight w stands for w points at one place), which is how the approximate mode
 * clusters k-means centroids.
 */
public final class WardLinkage {
  private static final int LEAF_SIZE = 8;

  private final int n;
  private final int dim;
  private final double[] centroid;
  private final double[] weight;
  private final double[] initialWeights;
  private final boolean[] active;

  private final int[] slotAt;
  private final int[] leafOf;
  private int nodeCount;
  private final int[] lo;
  private final int[] hi;
  private final int[] left;
  private final int[] right;
  private final int[] parent;
  private final int[] count;
  private final double[] minWeight;
  private final double[] boxMin;
  private final double[] boxMax;

  private WardLinkage(Points points, double[] weights) {
    this.n = points.count();
    this.dim = points.dim();
    this.centroid = points.toArray();
    this.weight = weights.clone();
    this.initialWeights = weights.clone();
    this.active = new boolean[n];
    Arrays.fill(active, true);
    this.slotAt = new int[n];
    for (int i = 0; i < n; i++) {
      slotAt[i] = i;
    }
    this.leafOf = new int[n];
    int capacity = 4 * n / LEAF_SIZE + 2;
    this.lo = new int[capacity];
    this.hi = new int[capacity];
    this.left = new int[capacity];
    this.right = new int[capacity];
    this.parent = new int[capacity];
    this.count = new int[capacity];
    this.minWeight = new double[capacity];
    this.boxMin = new double[capacity * dim];
    this.boxMax = new double[capacity * dim];
    build(0, n, -1);
  }

  /** The Ward dendrogram of {@code points}, each of weight 1. */
  public static Dendrogram fit(Points points) {
    double[] weights = new double[points.count()];
    Arrays.fill(weights, 1.0);
    return fit(points, weights);
  }

  /** The Ward dendrogram of weighted points (weights > 0, e.g. the sizes of k-means clusters). */
  public static Dendrogram fit(Points points, double[] weights) {
    if (weights.length != points.count()) {
      throw new IllegalArgumentException(
          weights.length + " weights for " + points.count() + " points");
    }
    for (double w : weights) {
      if (!(w > 0) || !Double.isFinite(w)) {
        throw new IllegalArgumentException("Ward weights must be positive and finite, got " + w);
      }
    }
    if (points.count() == 0) {
      throw new IllegalArgumentException("Ward clustering needs at least one point");
    }
    return new WardLinkage(points, weights).run();
  }

  private Dendrogram run() {
    int merges = n - 1;
    int[] repA = new int[merges];
    int[] repB = new int[merges];
    double[] heights = new double[merges];
    int[] chain = new int[n];
    int length = 0;
    int nextStart = 0;
    for (int m = 0; m < merges; m++) {
      if (length == 0) {
        while (!active[nextStart]) {
          nextStart++;
        }
        chain[length++] = nextStart;
      }
      int a;
      int b;
      double distance;
      while (true) {
        a = chain[length - 1];
        int previous = length >= 2 ? chain[length - 2] : -1;
        Search search = new Search(a);
        if (previous >= 0) {
          search.best = ward(a, previous);
          search.slot = previous;
        }
        nearest(0, search);
        b = search.slot;
        distance = search.best;
        if (b == previous) {
          break;
        }
        chain[length++] = b;
      }
      length -= 2;
      repA[m] = a;
      repB[m] = b;
      heights[m] = Math.sqrt(distance);
      merge(Math.min(a, b), Math.max(a, b));
    }
    return sorted(repA, repB, heights);
  }

  /**
   * Merges slot {@code gone} into slot {@code keep}; slot s always holds a cluster containing leaf
   * s.
   */
  private void merge(int keep, int gone) {
    double wk = weight[keep];
    double wg = weight[gone];
    double total = wk + wg;
    for (int d = 0; d < dim; d++) {
      centroid[keep * dim + d] =
          (wk * centroid[keep * dim + d] + wg * centroid[gone * dim + d]) / total;
    }
    weight[keep] = total;
    active[gone] = false;
    refresh(leafOf[keep]);
    refresh(leafOf[gone]);
  }

  /** Squared Ward distance between the clusters in two slots. */
  private double ward(int a, int b) {
    double sum = 0;
    for (int d = 0; d < dim; d++) {
      double diff = centroid[a * dim + d] - centroid[b * dim + d];
      sum += diff * diff;
    }
    return harmonic(weight[a], weight[b]) * sum;
  }

  private static double harmonic(double wa, double wb) {
    return 2 * wa * wb / (wa + wb);
  }

  private void nearest(int node, Search s) {
    if (count[node] == 0) {
      return;
    }
    if (left[node] < 0) {
      for (int p = lo[node]; p < hi[node]; p++) {
        int slot = slotAt[p];
        if (!active[slot] || slot == s.from) {
          continue;
        }
        double d = ward(s.from, slot);
        if (d < s.best) {
          s.best = d;
          s.slot = slot;
        }
      }
      return;
    }
    double bl = lowerBound(s.from, left[node]);
    double br = lowerBound(s.from, right[node]);
    int first = bl <= br ? left[node] : right[node];
    int second = bl <= br ? right[node] : left[node];
    if (Math.min(bl, br) < s.best) {
      nearest(first, s);
    }
    if (Math.max(bl, br) < s.best) {
      nearest(second, s);
    }
  }

  /**
   * A lower bound on the squared Ward distance from slot a to any cluster in {@code node}: the
   * harmonic size factor grows with the other cluster's weight, so the node's smallest weight and
   * the gap to its box bound every cluster inside.
   */
  private double lowerBound(int a, int node) {
    if (count[node] == 0) {
      return Double.POSITIVE_INFINITY;
    }
    double gap2 = 0;
    int box = node * dim;
    for (int d = 0; d < dim; d++) {
      double q = centroid[a * dim + d];
      double gap =
          q < boxMin[box + d]
              ? boxMin[box + d] - q
              : (q > boxMax[box + d] ? q - boxMax[box + d] : 0);
      gap2 += gap * gap;
    }
    return harmonic(weight[a], minWeight[node]) * gap2;
  }

  private int build(int from, int to, int parentNode) {
    int node = nodeCount++;
    lo[node] = from;
    hi[node] = to;
    parent[node] = parentNode;
    if (to - from <= LEAF_SIZE) {
      left[node] = -1;
      right[node] = -1;
      for (int p = from; p < to; p++) {
        leafOf[slotAt[p]] = node;
      }
      refreshNode(node);
      return node;
    }
    refreshLeafLike(node);
    int box = node * dim;
    int split = 0;
    for (int d = 1; d < dim; d++) {
      if (boxMax[box + d] - boxMin[box + d] > boxMax[box + split] - boxMin[box + split]) {
        split = d;
      }
    }
    int mid = (from + to) >>> 1;
    select(from, to, mid, split);
    left[node] = build(from, mid, node);
    right[node] = build(mid, to, node);
    refreshNode(node);
    return node;
  }

  private void select(int from, int to, int k, int d) {
    while (to - from > 1) {
      double a = centroid[slotAt[from] * dim + d];
      double b = centroid[slotAt[(from + to) >>> 1] * dim + d];
      double c = centroid[slotAt[to - 1] * dim + d];
      double pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
      int lt = from;
      int i = from;
      int gt = to;
      while (i < gt) {
        double v = centroid[slotAt[i] * dim + d];
        if (v < pivot) {
          swap(lt++, i++);
        } else if (v > pivot) {
          swap(i, --gt);
        } else {
          i++;
        }
      }
      if (k < lt) {
        to = lt;
      } else if (k >= gt) {
        from = gt;
      } else {
        return;
      }
    }
  }

  private void swap(int i, int j) {
    int t = slotAt[i];
    slotAt[i] = slotAt[j];
    slotAt[j] = t;
  }

  /** Recomputes a leaf from its active slots, then every node above it from its children. */
  private void refresh(int leaf) {
    for (int node = leaf; node >= 0; node = parent[node]) {
      refreshNode(node);
    }
  }

  private void refreshNode(int node) {
    if (left[node] < 0) {
      refreshLeafLike(node);
      return;
    }
    int box = node * dim;
    int l = left[node];
    int r = right[node];
    count[node] = count[l] + count[r];
    minWeight[node] = Math.min(minWeight[l], minWeight[r]);
    for (int d = 0; d < dim; d++) {
      boxMin[box + d] = Math.min(boxMin[l * dim + d], boxMin[r * dim + d]);
      boxMax[box + d] = Math.max(boxMax[l * dim + d], boxMax[r * dim + d]);
    }
  }

  /** Box, count and smallest weight of the active slots in positions lo..hi of {@code node}. */
  private void refreshLeafLike(int node) {
    int box = node * dim;
    Arrays.fill(boxMin, box, box + dim, Double.POSITIVE_INFINITY);
    Arrays.fill(boxMax, box, box + dim, Double.NEGATIVE_INFINITY);
    int alive = 0;
    double smallest = Double.POSITIVE_INFINITY;
    for (int p = lo[node]; p < hi[node]; p++) {
      int slot = slotAt[p];
      if (!active[slot]) {
        continue;
      }
      alive++;
      smallest = Math.min(smallest, weight[slot]);
      for (int d = 0; d < dim; d++) {
        double v = centroid[slot * dim + d];
        boxMin[box + d] = Math.min(boxMin[box + d], v);
        boxMax[box + d] = Math.max(boxMax[box + d], v);
      }
    }
    count[node] = alive;
    minWeight[node] = smallest;
  }

  /**
   * Sorts the merges by height (stable) and names nodes as SciPy does: the cluster created by the
   * i-th merge in sorted order is node n+i.
   */
  private Dendrogram sorted(int[] repA, int[] repB, double[] heights) {
    int merges = heights.length;
    Integer[] order = new Integer[merges];
    for (int i = 0; i < merges; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(heights[x], heights[y]));
    Dendrogram.UnionFind sets = new Dendrogram.UnionFind(n);
    int[] nodeOfRoot = new int[n];
    double[] weightOfRoot = new double[n];
    for (int i = 0; i < n; i++) {
      nodeOfRoot[i] = i;
    }
    System.arraycopy(initialWeights, 0, weightOfRoot, 0, n);
    int[] outLeft = new int[merges];
    int[] outRight = new int[merges];
    double[] outHeights = new double[merges];
    double[] outSizes = new double[merges];
    for (int i = 0; i < merges; i++) {
      int m = order[i];
      int ra = sets.find(repA[m]);
      int rb = sets.find(repB[m]);
      int na = nodeOfRoot[ra];
      int nb = nodeOfRoot[rb];
      double size = weightOfRoot[ra] + weightOfRoot[rb];
      sets.union(ra, rb);
      int root = sets.find(rb);
      nodeOfRoot[root] = n + i;
      weightOfRoot[root] = size;
      outLeft[i] = Math.min(na, nb);
      outRight[i] = Math.max(na, nb);
      outHeights[i] = heights[m];
      outSizes[i] = size;
    }
    return new Dendrogram(n, outLeft, outRight, outHeights, outSizes);
  }

  private static final class Search {
    final int from;
    double best = Double.POSITIVE_INFINITY;
    int slot = -1;

    Search(int from) {
      this.from = from;
    }
  }
}
