package io.latentquery.sampling.propagate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.sampling.Points;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class LabelSpreadingTest {
  private static final SpreadSettings EXACT = new SpreadSettings(1, 0.5, 100_000, 1e-14);

  @Test
  void aPathOfThreeMatchesTheValuesComputedByHand() {
    // 0 - 1 - 2, point 0 of class A, point 2 of class B, alpha = 1/2. With a = alpha / sqrt(2),
    // column A solves f0 = a f1 + 1/2, f1 = a (f0 + f2), f2 = a f1, so f1 = (2/3) a = sqrt(2)/6,
    // f0 = 1/12 + 1/2 = 7/12 and f2 = 1/12; column B is the mirror image.
    KnnGraph path = KnnGraph.ofEdges(3, new int[][] {{0, 1}, {1, 2}});
    KnownLabels labels = new KnownLabels(new int[] {0, 2}, new int[] {0, 1}, List.of("A", "B"));
    LabelSpreading.Spread spread = LabelSpreading.spread(path, labels, EXACT);
    double root = Math.sqrt(2) / 6;
    double[] expected = {7 / 12.0, 1 / 12.0, root, root, 1 / 12.0, 7 / 12.0};
    assertArrayEquals(expected, spread.scores(), 1e-12);
    assertTrue(spread.converged());
    assertArrayEquals(new int[] {0, 0, 1}, spread.classes(), "a tie goes to the first class");
    assertArrayEquals(new double[] {1, 0.5, 1}, spread.confidence(), 1e-12);
  }

  @Test
  void aStarLeansToTheClassWithMoreLabeledLeaves() {
    // Centre 0 with leaves 1, 2 (class A) and 3 (class B), alpha = 1/2. Every leaf has degree 1
    // and the centre degree 3, so S joins centre and leaf with 1/sqrt(3) and b = alpha/sqrt(3).
    // Column A: f0 = b (f1 + f2 + f3), f1 = f2 = b f0 + 1/2, f3 = b f0, so f0 = b (3 b f0 + 1),
    // f0 = b / (1 - 3 b^2) = (1/(2 sqrt 3)) / (3/4) = 2 / (3 sqrt 3).
    // Column B: f0 = b / (2 (1 - 3 b^2)) = 1 / (3 sqrt 3), half of A: confidence 2/3.
    KnnGraph star = KnnGraph.ofEdges(4, new int[][] {{0, 1}, {0, 2}, {0, 3}});
    KnownLabels labels =
        new KnownLabels(new int[] {1, 2, 3}, new int[] {0, 0, 1}, List.of("A", "B"));
    LabelSpreading.Spread spread = LabelSpreading.spread(star, labels, EXACT);
    assertEquals(2 / (3 * Math.sqrt(3)), spread.scores()[0], 1e-12);
    assertEquals(1 / (3 * Math.sqrt(3)), spread.scores()[1], 1e-12);
    assertEquals(0, spread.classes()[0]);
    assertEquals(2 / 3.0, spread.confidence()[0], 1e-12);
  }

  @Test
  void aComponentWithoutLabelsIsUnreached() {
    KnnGraph graph = KnnGraph.ofEdges(4, new int[][] {{0, 1}, {2, 3}});
    KnownLabels labels = new KnownLabels(new int[] {0}, new int[] {0}, List.of("A"));
    LabelSpreading.Spread spread = LabelSpreading.spread(graph, labels, EXACT);
    assertArrayEquals(new int[] {0, 0, -1, -1}, spread.classes());
    assertArrayEquals(new double[] {1, 1, 0, 0}, spread.confidence(), 1e-12);
  }

  @Test
  void aSharedGraphGivesWhatBuildingItAgainGivesAndMustFitThePoints() {
    SplittableRandom random = new SplittableRandom(5);
    double[][] rows = new double[80][2];
    for (double[] row : rows) {
      row[0] = random.nextDouble();
      row[1] = random.nextDouble();
    }
    Points points = Points.of(rows);
    SpreadSettings settings = new SpreadSettings(5, 0.9, 10_000, 1e-10);
    KnnGraph shared = KnnGraph.of(points, 5);
    for (int[] labeled : new int[][] {{0, 10, 20}, {3, 33, 63}}) {
      KnownLabels labels = new KnownLabels(labeled, new int[] {0, 1, 2}, List.of("a", "b", "c"));
      LabelPropagation.Result alone = LabelPropagation.run(points, labels, settings);
      LabelPropagation.Result reused = LabelPropagation.run(points, shared, labels, settings);
      assertArrayEquals(alone.classes(), reused.classes());
      assertArrayEquals(alone.confidence(), reused.confidence());
    }
    KnnGraph other = KnnGraph.of(Points.of(java.util.Arrays.copyOf(rows, 40)), 5);
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () ->
                LabelPropagation.run(
                    points,
                    other,
                    new KnownLabels(new int[] {0}, new int[] {0}, List.of("a")),
                    settings));
    assertEquals("the graph has 40 nodes for 80 points", e.getMessage());
  }

  @Test
  void aRandomPoolMatchesTheClosedFormOverABruteForceGraph() {
    SplittableRandom random = new SplittableRandom(3);
    int n = 60;
    int dim = 3;
    int k = 4;
    int classes = 3;
    double[][] rows = new double[n][dim];
    for (double[] row : rows) {
      for (int d = 0; d < dim; d++) {
        row[d] = random.nextDouble();
      }
    }
    Points points = Points.of(rows);
    KnnGraph graph = KnnGraph.of(points, k);
    boolean[][] w = bruteForceGraph(rows, k);
    for (int i = 0; i < n; i++) {
      List<Integer> expected = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        if (w[i][j]) {
          expected.add(j);
        }
      }
      assertArrayEquals(
          expected.stream().mapToInt(Integer::intValue).toArray(), graph.neighbors(i), "row " + i);
    }
    int[] labeled = {0, 7, 13, 21, 40, 55};
    int[] labelClasses = {0, 1, 2, 0, 1, 2};
    KnownLabels labels = new KnownLabels(labeled, labelClasses, List.of("a", "b", "c"));
    double alpha = 0.9;
    LabelSpreading.Spread spread =
        LabelSpreading.spread(graph, labels, new SpreadSettings(k, alpha, 100_000, 1e-14));

    // Closed form: (I - alpha S) F = (1 - alpha) Y, solved densely.
    double[] degree = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        degree[i] += w[i][j] ? 1 : 0;
      }
    }
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = w[i][j] ? 1 / Math.sqrt(degree[i] * degree[j]) : 0;
        a[i][j] = (i == j ? 1 : 0) - alpha * s;
      }
    }
    double[][] y = new double[n][classes];
    for (int l = 0; l < labeled.length; l++) {
      y[labeled[l]][labelClasses[l]] = 1 - alpha;
    }
    double[][] f = solve(a, y);
    for (int i = 0; i < n; i++) {
      int best = 0;
      double total = 0;
      for (int c = 0; c < classes; c++) {
        assertEquals(f[i][c], spread.scores()[i * classes + c], 1e-9, "F[" + i + "][" + c + "]");
        total += f[i][c];
        if (f[i][c] > f[i][best]) {
          best = c;
        }
      }
      int given = indexOf(labeled, i);
      if (given >= 0) {
        assertEquals(labelClasses[given], spread.classes()[i], "labeled point " + i);
        assertEquals(1.0, spread.confidence()[i]);
      } else {
        assertEquals(best, spread.classes()[i], "point " + i);
        assertEquals(f[i][best] / total, spread.confidence()[i], 1e-9, "point " + i);
      }
    }
  }

  /** i ~ j when j is among the k nearest others of i or i among those of j (ties: lower index). */
  private static boolean[][] bruteForceGraph(double[][] rows, int k) {
    int n = rows.length;
    boolean[][] w = new boolean[n][n];
    for (int i = 0; i < n; i++) {
      final int from = i;
      TreeSet<Integer> others = new TreeSet<>();
      for (int j = 0; j < n; j++) {
        if (j != i) {
          others.add(j);
        }
      }
      List<Integer> sorted =
          others.stream()
              .sorted(
                  Comparator.comparingDouble((Integer j) -> distance(rows[from], rows[j]))
                      .thenComparingInt(j -> j))
              .toList();
      for (int j : sorted.subList(0, k)) {
        w[i][j] = true;
        w[j][i] = true;
      }
    }
    return w;
  }

  private static double distance(double[] a, double[] b) {
    double sum = 0;
    for (int d = 0; d < a.length; d++) {
      sum += (a[d] - b[d]) * (a[d] - b[d]);
    }
    return sum;
  }

  /** Gaussian elimination with partial pivoting: A X = B. */
  private static double[][] solve(double[][] a, double[][] b) {
    int n = a.length;
    int m = b[0].length;
    double[][] x = new double[n][];
    double[][] lhs = new double[n][];
    for (int i = 0; i < n; i++) {
      lhs[i] = a[i].clone();
      x[i] = b[i].clone();
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(lhs[r][col]) > Math.abs(lhs[pivot][col])) {
          pivot = r;
        }
      }
      double[] t = lhs[col];
      lhs[col] = lhs[pivot];
      lhs[pivot] = t;
      t = x[col];
      x[col] = x[pivot];
      x[pivot] = t;
      for (int r = 0; r < n; r++) {
        if (r == col) {
          continue;
        }
        double factor = lhs[r][col] / lhs[col][col];
        for (int c = col; c < n; c++) {
          lhs[r][c] -= factor * lhs[col][c];
        }
        for (int c = 0; c < m; c++) {
          x[r][c] -= factor * x[col][c];
        }
      }
    }
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < m; c++) {
        x[r][c] /= lhs[r][r];
      }
    }
    return x;
  }

  private static int indexOf(int[] values, int value) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == value) {
        return i;
      }
    }
    return -1;
  }
}
