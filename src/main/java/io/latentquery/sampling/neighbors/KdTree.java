package io.latentquery.sampling.neighbors;

import io.latentquery.sampling.Points;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A k-d tree over a fixed set of points in R^L (any L) with removal: the neighbour index of every
 * sampler. Points can be removed (marked as taken) in O(log N), and searches either skip removed
 * points ({@code aliveOnly}) or see them all. Built once in O(N log N); each search visits only the
 * boxes that can hold a closer point, so nothing ever computes an n x N distance matrix.
 *
 * <p>Nodes are median splits on the widest coordinate and keep the bounding box of their points and
 * the number of points not yet removed, so a subtree whose points are all taken is skipped. Each
 * node also keeps the shell that holds its points: the least and greatest distance from the data's
 * mean. By the triangle inequality no point of the node is nearer a query than the gap between the
 * query's own distance from the mean and that shell, which prunes what boxes cannot in many
 * dimensions: a draw far outside the data (as a uniform box in R^16 makes) is answered at the root.
 * Not thread-safe: removal mutates the tree.
 */
public final class KdTree {
  private static final int LEAF_SIZE = 16;

  private final int dim;
  private final int size;
  private final Metric metric;
  private final double[] coords;
  private final int[] pointAt;
  private final int[] positionOf;
  private final boolean[] removed;
  private final int[] leafOf;
  private int aliveTotal;

  private int nodeCount;
  private final int[] lo;
  private final int[] hi;
  private final int[] left;
  private final int[] right;
  private final int[] parent;
  private final int[] alive;
  private final double[] boxMin;
  private final double[] boxMax;
  private final double[] centre;
  private final double[] shellMin;
  private final double[] shellMax;

  /** Indexes every point of {@code points} under the Euclidean metric. */
  public KdTree(Points points) {
    this(points, Metric.EUCLIDEAN);
  }

  public KdTree(Points points, Metric metric) {
    this.dim = points.dim();
    this.size = points.count();
    this.metric = metric;
    this.coords = points.toArray();
    this.pointAt = new int[size];
    for (int i = 0; i < size; i++) {
      pointAt[i] = i;
    }
    int capacity = 4 * size / LEAF_SIZE + 2;
    this.lo = new int[capacity];
    this.hi = new int[capacity];
    this.left = new int[capacity];
    this.right = new int[capacity];
    this.parent = new int[capacity];
    this.alive = new int[capacity];
    this.boxMin = new double[capacity * dim];
    this.boxMax = new double[capacity * dim];
    this.leafOf = new int[size];
    this.centre = points.mean();
    this.shellMin = new double[capacity];
    this.shellMax = new double[capacity];
    if (size > 0) {
      build(0, size, -1);
      measureShells();
    }
    this.positionOf = new int[size];
    for (int p = 0; p < size; p++) {
      positionOf[pointAt[p]] = p;
    }
    this.removed = new boolean[size];
    this.aliveTotal = size;
  }

  /**
   * Builds the subtree over positions [from,to). Coordinates are reordered in place with their
   * point indices, so every node's points lie in one contiguous block of memory.
   */
  private int build(int from, int to, int parentNode) {
    int node = nodeCount++;
    lo[node] = from;
    hi[node] = to;
    parent[node] = parentNode;
    alive[node] = to - from;
    int box = node * dim;
    Arrays.fill(boxMin, box, box + dim, Double.POSITIVE_INFINITY);
    Arrays.fill(boxMax, box, box + dim, Double.NEGATIVE_INFINITY);
    for (int p = from; p < to; p++) {
      int base = p * dim;
      for (int d = 0; d < dim; d++) {
        double v = coords[base + d];
        if (v < boxMin[box + d]) {
          boxMin[box + d] = v;
        }
        if (v > boxMax[box + d]) {
          boxMax[box + d] = v;
        }
      }
    }
    if (to - from <= LEAF_SIZE) {
      left[node] = -1;
      right[node] = -1;
      for (int p = from; p < to; p++) {
        leafOf[p] = node;
      }
      return node;
    }
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
    return node;
  }

  /**
   * Each node's least and greatest distance from the centre: leaves from their points, inner nodes
   * from their children (which {@link #build} numbers after their parent).
   */
  private void measureShells() {
    for (int node = nodeCount - 1; node >= 0; node--) {
      if (left[node] < 0) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int p = lo[node]; p < hi[node]; p++) {
          double r = metric.expand(reducedDistance(centre, p, Double.POSITIVE_INFINITY));
          min = Math.min(min, r);
          max = Math.max(max, r);
        }
        shellMin[node] = min;
        shellMax[node] = max;
      } else {
        shellMin[node] = Math.min(shellMin[left[node]], shellMin[right[node]]);
        shellMax[node] = Math.max(shellMax[left[node]], shellMax[right[node]]);
      }
    }
  }

  /**
   * Reorders positions [from,to) so that position k holds its order statistic along coordinate d,
   * everything before it is not larger and everything after not smaller: Hoare partitions around a
   * median of three (few row swaps, balanced on ties), insertion sort on short ranges.
   */
  private void select(int from, int to, int k, int d) {
    while (to - from > 16) {
      double a = coords[from * dim + d];
      double b = coords[((from + to) >>> 1) * dim + d];
      double c = coords[(to - 1) * dim + d];
      double pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
      int i = from - 1;
      int j = to;
      while (true) {
        do {
          i++;
        } while (coords[i * dim + d] < pivot);
        do {
          j--;
        } while (coords[j * dim + d] > pivot);
        if (i >= j) {
          break;
        }
        swap(i, j);
      }
      if (k <= j) {
        to = j + 1;
      } else {
        from = j + 1;
      }
    }
    for (int i = from + 1; i < to; i++) {
      for (int j = i; j > from && coords[(j - 1) * dim + d] > coords[j * dim + d]; j--) {
        swap(j - 1, j);
      }
    }
  }

  private void swap(int i, int j) {
    if (i == j) {
      return;
    }
    int t = pointAt[i];
    pointAt[i] = pointAt[j];
    pointAt[j] = t;
    int a = i * dim;
    int b = j * dim;
    for (int d = 0; d < dim; d++) {
      double v = coords[a + d];
      coords[a + d] = coords[b + d];
      coords[b + d] = v;
    }
  }

  public int size() {
    return size;
  }

  public int dim() {
    return dim;
  }

  public Metric metric() {
    return metric;
  }

  /** Points not yet removed. */
  public int aliveCount() {
    return aliveTotal;
  }

  public boolean isRemoved(int index) {
    return removed[index];
  }

  /** Marks point {@code index} as taken; returns false when it already was. */
  public boolean remove(int index) {
    if (removed[index]) {
      return false;
    }
    removed[index] = true;
    aliveTotal--;
    for (int node = leafOf[positionOf[index]]; node >= 0; node = parent[node]) {
      alive[node]--;
    }
    return true;
  }

  /**
   * The nearest point to {@code query} within {@code radius} (inclusive), or null when there is
   * none. Use {@code Double.POSITIVE_INFINITY} for no limit.
   *
   * @param aliveOnly skip removed points
   */
  public Neighbor nearest(double[] query, double radius, boolean aliveOnly) {
    checkQuery(query);
    Search search = new Search(query, shell(query), aliveOnly, -1);
    search.bound = Math.nextUp(metric.reduce(radius));
    if (size > 0 && lowerBound(search.query, search.shell, 0) < search.bound) {
      nearest(0, search);
    }
    return search.index < 0 ? null : new Neighbor(search.index, metric.expand(search.bound));
  }

  /** The nearest point to point {@code index} other than itself (duplicates count), or null. */
  public Neighbor nearestOther(int index, boolean aliveOnly) {
    double[] query = point(index);
    Search search = new Search(query, shell(query), aliveOnly, index);
    search.bound = Double.POSITIVE_INFINITY;
    nearest(0, search);
    return search.index < 0 ? null : new Neighbor(search.index, metric.expand(search.bound));
  }

  private void nearest(int node, Search s) {
    if (s.aliveOnly && alive[node] == 0) {
      return;
    }
    if (left[node] < 0) {
      for (int p = lo[node]; p < hi[node]; p++) {
        int index = pointAt[p];
        if ((s.aliveOnly && removed[index]) || index == s.exclude) {
          continue;
        }
        double d = reducedDistance(s.query, p, s.bound);
        if (d < s.bound) {
          s.bound = d;
          s.index = index;
        }
      }
      return;
    }
    double dl = lowerBound(s.query, s.shell, left[node]);
    double dr = lowerBound(s.query, s.shell, right[node]);
    int first = dl <= dr ? left[node] : right[node];
    int second = dl <= dr ? right[node] : left[node];
    if (Math.min(dl, dr) < s.bound) {
      nearest(first, s);
    }
    if (Math.max(dl, dr) < s.bound) {
      nearest(second, s);
    }
  }

  /**
   * The {@code k} nearest points to {@code query}, nearest first (ties by lower index); fewer when
   * fewer points are searched.
   */
  public List<Neighbor> kNearest(double[] query, int k, boolean aliveOnly) {
    return search(query, k, Double.POSITIVE_INFINITY, aliveOnly).sorted(metric);
  }

  /**
   * The {@code k} nearest points to {@code query} within {@code radius} (inclusive), nearest first
   * (ties by lower index); fewer when fewer lie within it. The radius bounds the search from the
   * start, so a query far from every point costs no more than the proof that none is near.
   */
  public List<Neighbor> kNearestWithin(double[] query, int k, double radius, boolean aliveOnly) {
    return search(query, k, radius, aliveOnly).sorted(metric);
  }

  /** The heap of the {@code k} nearest points within {@code radius} (inclusive). */
  private Heap search(double[] query, int k, double radius, boolean aliveOnly) {
    checkQuery(query);
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    Heap heap = new Heap(Math.min(k, size), metric.reduce(radius));
    if (size > 0 && heap.capacity > 0 && radius >= 0) {
      double shell = shell(query);
      if (lowerBound(query, shell, 0) <= heap.bound()) {
        kNearest(0, query, shell, aliveOnly, heap);
      }
    }
    return heap;
  }

  /**
   * The same search as {@link #kNearest(double[], int, boolean)} without allocating a list: writes
   * the neighbours' indices and distances, nearest first (ties by lower index), into the first
   * entries of {@code indices} and {@code distances} (each of length at least k) and returns how
   * many it wrote.
   */
  public int kNearest(double[] query, int k, boolean aliveOnly, int[] indices, double[] distances) {
    Heap heap = search(query, k, Double.POSITIVE_INFINITY, aliveOnly);
    int count = heap.count;
    for (int i = 0; i < count; i++) {
      double d = heap.dist[i];
      int index = heap.index[i];
      int j = i;
      while (j > 0 && (distances[j - 1] > d || (distances[j - 1] == d && indices[j - 1] > index))) {
        distances[j] = distances[j - 1];
        indices[j] = indices[j - 1];
        j--;
      }
      distances[j] = d;
      indices[j] = index;
    }
    for (int i = 0; i < count; i++) {
      distances[i] = metric.expand(distances[i]);
    }
    return count;
  }

  private void kNearest(int node, double[] query, double shell, boolean aliveOnly, Heap heap) {
    if (aliveOnly && alive[node] == 0) {
      return;
    }
    if (left[node] < 0) {
      for (int p = lo[node]; p < hi[node]; p++) {
        int index = pointAt[p];
        if (aliveOnly && removed[index]) {
          continue;
        }
        double d = reducedDistance(query, p, heap.bound());
        heap.offer(d, index);
      }
      return;
    }
    double dl = lowerBound(query, shell, left[node]);
    double dr = lowerBound(query, shell, right[node]);
    int first = dl <= dr ? left[node] : right[node];
    int second = dl <= dr ? right[node] : left[node];
    if (Math.min(dl, dr) <= heap.bound()) {
      kNearest(first, query, shell, aliveOnly, heap);
    }
    if (Math.max(dl, dr) <= heap.bound()) {
      kNearest(second, query, shell, aliveOnly, heap);
    }
  }

  /**
   * Every point within {@code radius} (inclusive) of {@code query}, nearest first (ties by index).
   */
  public List<Neighbor> withinRadius(double[] query, double radius, boolean aliveOnly) {
    checkQuery(query);
    List<Neighbor> found = new ArrayList<>();
    if (size > 0 && radius >= 0) {
      withinRadius(0, query, shell(query), metric.reduce(radius), aliveOnly, found);
    }
    Collections.sort(found);
    return found;
  }

  private void withinRadius(
      int node,
      double[] query,
      double shell,
      double bound,
      boolean aliveOnly,
      List<Neighbor> found) {
    if ((aliveOnly && alive[node] == 0) || lowerBound(query, shell, node) > bound) {
      return;
    }
    if (left[node] < 0) {
      for (int p = lo[node]; p < hi[node]; p++) {
        int index = pointAt[p];
        if (aliveOnly && removed[index]) {
          continue;
        }
        double d = reducedDistance(query, p, Double.POSITIVE_INFINITY);
        if (d <= bound) {
          found.add(new Neighbor(index, metric.expand(d)));
        }
      }
      return;
    }
    withinRadius(left[node], query, shell, bound, aliveOnly, found);
    withinRadius(right[node], query, shell, bound, aliveOnly, found);
  }

  /** A copy of indexed point {@code index}. */
  public double[] point(int index) {
    int p = positionOf[index];
    return Arrays.copyOfRange(coords, p * dim, (p + 1) * dim);
  }

  /**
   * Reduced distance from query to the point at position p; may stop early once above {@code stop}.
   */
  private double reducedDistance(double[] query, int p, double stop) {
    int base = p * dim;
    if (metric == Metric.EUCLIDEAN) {
      double sum = 0;
      for (int d = 0; d < dim; d++) {
        double diff = coords[base + d] - query[d];
        sum += diff * diff;
        if (sum > stop) {
          return sum;
        }
      }
      return sum;
    }
    double reduced = 0;
    for (int d = 0; d < dim; d++) {
      reduced = metric.accumulate(reduced, Math.abs(coords[base + d] - query[d]));
    }
    return reduced;
  }

  /** The query's distance from the centre, which {@link #lowerBound} compares with each shell. */
  private double shell(double[] query) {
    return metric.distance(query, centre);
  }

  /**
   * A reduced lower bound on the distance from the query to every point of {@code node}: the larger
   * of the gap to its box and the gap to its shell (the query lying {@code shell} from the centre).
   * The shell gap is shrunk by a relative 1e-9 so that rounding never makes it exceed a true
   * distance.
   */
  private double lowerBound(double[] query, double shell, int node) {
    double gap = Math.max(shell - shellMax[node], shellMin[node] - shell);
    double box = boxDistance(query, node);
    if (gap <= 0) {
      return box;
    }
    double slack = 1e-9 * (shell + shellMax[node]);
    return Math.max(box, metric.reduce(Math.max(0, gap - slack)));
  }

  /**
   * Reduced distance from query to the box of {@code node}: a lower bound for every point inside.
   */
  private double boxDistance(double[] query, int node) {
    int box = node * dim;
    double reduced = 0;
    for (int d = 0; d < dim; d++) {
      double q = query[d];
      double gap =
          q < boxMin[box + d]
              ? boxMin[box + d] - q
              : (q > boxMax[box + d] ? q - boxMax[box + d] : 0);
      reduced = metric == Metric.EUCLIDEAN ? reduced + gap * gap : metric.accumulate(reduced, gap);
    }
    return reduced;
  }

  private void checkQuery(double[] query) {
    if (query.length != dim) {
      throw new IllegalArgumentException(
          "query has " + query.length + " coordinates, the index holds points of dimension " + dim);
    }
  }

  private static final class Search {
    final double[] query;
    final double shell;
    final boolean aliveOnly;
    final int exclude;
    double bound;
    int index = -1;

    Search(double[] query, double shell, boolean aliveOnly, int exclude) {
      this.query = query;
      this.shell = shell;
      this.aliveOnly = aliveOnly;
      this.exclude = exclude;
    }
  }

  /**
   * A bounded max-heap of (reduced distance, index), larger index losing ties, that refuses
   * distances above its limit.
   */
  private static final class Heap {
    final int capacity;
    final double limit;
    final double[] dist;
    final int[] index;
    int count;

    Heap(int capacity, double limit) {
      this.capacity = capacity;
      this.limit = limit;
      this.dist = new double[capacity];
      this.index = new int[capacity];
    }

    double bound() {
      return count < capacity ? limit : dist[0];
    }

    private boolean worse(int a, int b) {
      return dist[a] > dist[b] || (dist[a] == dist[b] && index[a] > index[b]);
    }

    void offer(double d, int i) {
      if (d > limit) {
        return;
      }
      if (count < capacity) {
        dist[count] = d;
        index[count] = i;
        siftUp(count++);
      } else if (d < dist[0] || (d == dist[0] && i < index[0])) {
        dist[0] = d;
        index[0] = i;
        siftDown(0);
      }
    }

    private void siftUp(int c) {
      while (c > 0) {
        int p = (c - 1) / 2;
        if (!worse(c, p)) {
          return;
        }
        swap(c, p);
        c = p;
      }
    }

    private void siftDown(int p) {
      while (true) {
        int l = 2 * p + 1;
        int r = l + 1;
        int top = p;
        if (l < count && worse(l, top)) {
          top = l;
        }
        if (r < count && worse(r, top)) {
          top = r;
        }
        if (top == p) {
          return;
        }
        swap(p, top);
        p = top;
      }
    }

    private void swap(int a, int b) {
      double d = dist[a];
      dist[a] = dist[b];
      dist[b] = d;
      int i = index[a];
      index[a] = index[b];
      index[b] = i;
    }

    List<Neighbor> sorted(Metric metric) {
      List<Neighbor> out = new ArrayList<>(count);
      for (int k = 0; k < count; k++) {
        out.add(new Neighbor(index[k], metric.expand(dist[k])));
      }
      Collections.sort(out);
      return out;
    }
  }
}
