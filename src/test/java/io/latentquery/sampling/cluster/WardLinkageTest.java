package io.latentquery.sampling.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.latentquery.sampling.Points;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class WardLinkageTest {

  /** One merge: the two member sets joined (as sorted strings) and the height. */
  record Merge(String members, double height) {}

  /**
   * Textbook Ward: a full dissimilarity matrix, the closest pair merged each step, distances to the
   * new cluster by the Lance-Williams formula. O(N^3), independent of the chain algorithm.
   */
  static List<Merge> bruteForce(Points points, double[] weights) {
    int n = points.count();
    double[][] d = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double h = 2 * weights[i] * weights[j] / (weights[i] + weights[j]);
        d[i][j] = Math.sqrt(h * points.squaredDistance(i, j));
      }
    }
    double[] size = weights.clone();
    boolean[] active = new boolean[n];
    java.util.Arrays.fill(active, true);
    List<TreeSet<Integer>> members = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      members.add(new TreeSet<>(List.of(i)));
    }
    List<Merge> merges = new ArrayList<>();
    for (int step = 0; step < n - 1; step++) {
      int bi = -1;
      int bj = -1;
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          if (active[i] && active[j] && (bi < 0 || d[i][j] < d[bi][bj])) {
            bi = i;
            bj = j;
          }
        }
      }
      merges.add(new Merge(describe(members.get(bi), members.get(bj)), d[bi][bj]));
      for (int k = 0; k < n; k++) {
        if (active[k] && k != bi && k != bj) {
          double t = size[k] + size[bi] + size[bj];
          double v =
              ((size[k] + size[bi]) * d[k][bi] * d[k][bi]
                      + (size[k] + size[bj]) * d[k][bj] * d[k][bj]
                      - size[k] * d[bi][bj] * d[bi][bj])
                  / t;
          d[k][bi] = Math.sqrt(Math.max(v, 0));
          d[bi][k] = d[k][bi];
        }
      }
      size[bi] += size[bj];
      active[bj] = false;
      members.get(bi).addAll(members.get(bj));
    }
    return merges;
  }

  static String describe(TreeSet<Integer> a, TreeSet<Integer> b) {
    String x = a.toString();
    String y = b.toString();
    return x.compareTo(y) < 0 ? x + "+" + y : y + "+" + x;
  }

  static List<Merge> fromDendrogram(Dendrogram tree) {
    int n = tree.leafCount();
    List<TreeSet<Integer>> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      nodes.add(new TreeSet<>(List.of(i)));
    }
    List<Merge> merges = new ArrayList<>();
    for (int m = 0; m < tree.mergeCount(); m++) {
      TreeSet<Integer> a = nodes.get(tree.left(m));
      TreeSet<Integer> b = nodes.get(tree.right(m));
      merges.add(new Merge(describe(a, b), tree.height(m)));
      TreeSet<Integer> joined = new TreeSet<>(a);
      joined.addAll(b);
      nodes.add(joined);
    }
    return merges;
  }

  static Points random(int n, int dim, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] values = new double[n * dim];
    for (int i = 0; i < values.length; i++) {
      values[i] = rng.nextGaussian() + (i / dim % 3) * 2.0;
    }
    return new Points(values, n, dim);
  }

  static void assertSameMerges(List<Merge> expected, List<Merge> actual, String where) {
    assertEquals(expected.size(), actual.size(), where);
    for (int m = 0; m < expected.size(); m++) {
      assertEquals(expected.get(m).members(), actual.get(m).members(), where + ", merge " + m);
      assertEquals(
          expected.get(m).height(),
          actual.get(m).height(),
          1e-9 * (1 + expected.get(m).height()),
          where + ", merge " + m);
    }
  }

  @Test
  void equalsTextbookWardOnRandomSets() {
    for (int dim : new int[] {1, 2, 3, 5}) {
      for (long seed = 1; seed <= 6; seed++) {
        int n = 10 + (int) (seed * 9);
        Points points = random(n, dim, seed * 100 + dim);
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        assertSameMerges(
            bruteForce(points, ones),
            fromDendrogram(WardLinkage.fit(points)),
            "dim " + dim + " seed " + seed);
      }
    }
  }

  @Test
  void equalsTextbookWardOnWeightedPoints() {
    for (long seed = 1; seed <= 5; seed++) {
      Points points = random(40, 2, seed);
      SplittableRandom rng = new SplittableRandom(seed);
      double[] weights = new double[40];
      for (int i = 0; i < 40; i++) {
        weights[i] = 1 + rng.nextInt(20);
      }
      assertSameMerges(
          bruteForce(points, weights),
          fromDendrogram(WardLinkage.fit(points, weights)),
          "seed " + seed);
    }
  }

  @Test
  void heightsOfAHandExample() {
    // Points 0, 1 and 10 on a line: first {0,1} at distance 1, then {0,1}+{10} at
    // sqrt(2*2*1/3) * |0.5 - 10| = sqrt(4/3) * 9.5.
    Dendrogram tree = WardLinkage.fit(Points.of(new double[][] {{0}, {1}, {10}}));
    assertEquals(0, tree.left(0));
    assertEquals(1, tree.right(0));
    assertEquals(1.0, tree.height(0), 1e-12);
    assertEquals(2, tree.left(1));
    assertEquals(3, tree.right(1));
    assertEquals(Math.sqrt(4.0 / 3) * 9.5, tree.height(1), 1e-12);
    assertEquals(3.0, tree.size(1), 0);
    assertArrayEquals(new int[] {0, 0, 1}, tree.cut(2));
    assertArrayEquals(new int[] {0, 1, 2}, tree.cut(3));
    assertArrayEquals(new int[] {0, 0, 0}, tree.cut(1));
    assertThrows(IllegalArgumentException.class, () -> tree.cut(4));
  }

  @Test
  void cutsThreeSeparatedBlobsIntoThem() {
    SplittableRandom rng = new SplittableRandom(3);
    double[][] rows = new double[300][];
    for (int i = 0; i < 300; i++) {
      int blob = i % 3;
      rows[i] =
          new double[] {blob * 50 + rng.nextGaussian(), (blob == 1 ? 40 : 0) + rng.nextGaussian()};
    }
    int[] labels = WardLinkage.fit(Points.of(rows)).cut(3);
    for (int i = 0; i < 300; i++) {
      assertEquals(i % 3, labels[i], "point " + i);
    }
  }

  @Test
  void coincidentPointsMergeAtHeightZero() {
    Dendrogram tree = WardLinkage.fit(Points.of(new double[][] {{1, 1}, {1, 1}, {1, 1}, {2, 2}}));
    assertEquals(0.0, tree.height(0), 0);
    assertEquals(0.0, tree.height(1), 0);
    assertEquals(3, tree.mergeCount());
    assertArrayEquals(new int[] {0, 0, 0, 1}, tree.cut(2));
  }
}
