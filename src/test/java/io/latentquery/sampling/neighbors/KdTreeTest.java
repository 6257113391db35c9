package io.latentquery.sampling.neighbors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.sampling.Points;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KdTreeTest {
  static Points random(int n, int dim, long seed, boolean coarse) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] values = new double[n * dim];
    for (int i = 0; i < values.length; i++) {
      values[i] = coarse ? rng.nextInt(6) : rng.nextGaussian();
    }
    return new Points(values, n, dim);
  }

  static double distance(Metric metric, Points points, int i, double[] q) {
    return metric.distance(points.point(i), q);
  }

  @Test
  void searchesAgreeWithBruteForceForEveryMetricDimensionAndRemoval() {
    for (Metric metric : Metric.values()) {
      for (int dim : new int[] {1, 2, 3, 7}) {
        for (boolean coarse : new boolean[] {false, true}) {
          Points points = random(400, dim, 31L * dim + metric.ordinal(), coarse);
          KdTree tree = new KdTree(points, metric);
          boolean[] removed = new boolean[points.count()];
          SplittableRandom rng = new SplittableRandom(5);
          for (int round = 0; round < 60; round++) {
            double[] q = new double[dim];
            for (int d = 0; d < dim; d++) {
              q[d] = coarse ? rng.nextInt(6) + 0.5 * rng.nextInt(2) : rng.nextGaussian() * 1.5;
            }
            double radius = coarse ? rng.nextInt(3) : 0.2 + rng.nextDouble();
            // nearest alive within radius
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < points.count(); i++) {
              double d = distance(metric, points, i, q);
              if (!removed[i] && d <= radius) {
                best = Math.min(best, d);
              }
            }
            Neighbor found = tree.nearest(q, radius, true);
            String where = metric + " dim " + dim + " coarse " + coarse + " round " + round;
            if (best == Double.POSITIVE_INFINITY) {
              assertNull(found, where);
            } else {
              assertEquals(best, found.distance(), 1e-12, where);
              assertEquals(best, distance(metric, points, found.index(), q), 1e-12, where);
              assertFalse(removed[found.index()], where);
              assertTrue(tree.remove(found.index()));
              removed[found.index()] = true;
            }
            // within radius, all points
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < points.count(); i++) {
              if (distance(metric, points, i, q) <= radius) {
                expected.add(i);
              }
            }
            List<Integer> got =
                tree.withinRadius(q, radius, false).stream().map(Neighbor::index).sorted().toList();
            assertEquals(expected, got, where);
            // within radius, alive only
            List<Integer> expectedAlive = expected.stream().filter(i -> !removed[i]).toList();
            List<Integer> gotAlive =
                tree.withinRadius(q, radius, true).stream().map(Neighbor::index).sorted().toList();
            assertEquals(expectedAlive, gotAlive, where);
            // the k nearest alive within radius, nearest first, ties by index
            int cap = 1 + rng.nextInt(6);
            List<Neighbor> aliveWithin = new ArrayList<>();
            for (int i : expectedAlive) {
              aliveWithin.add(new Neighbor(i, distance(metric, points, i, q)));
            }
            aliveWithin.sort(null);
            assertNeighbors(
                aliveWithin.subList(0, Math.min(cap, aliveWithin.size())),
                tree.kNearestWithin(q, cap, radius, true),
                where);
            // k nearest over all points, ties by index
            int k = 1 + rng.nextInt(9);
            List<Neighbor> brute = new ArrayList<>();
            for (int i = 0; i < points.count(); i++) {
              brute.add(new Neighbor(i, distance(metric, points, i, q)));
            }
            brute.sort(null);
            List<Neighbor> knn = tree.kNearest(q, k, false);
            assertEquals(k, knn.size());
            for (int j = 0; j < k; j++) {
              assertEquals(brute.get(j).index(), knn.get(j).index(), where + " neighbour " + j);
              assertEquals(brute.get(j).distance(), knn.get(j).distance(), 1e-12, where);
            }
          }
          int alive = 0;
          for (boolean r : removed) {
            alive += r ? 0 : 1;
          }
          assertEquals(alive, tree.aliveCount());
        }
      }
    }
  }

  @Test
  void removingEveryPointLeavesNothingToFind() {
    Points points = random(50, 2, 1, false);
    KdTree tree = new KdTree(points);
    for (int i = 0; i < 50; i++) {
      assertTrue(tree.remove(i));
    }
    assertFalse(tree.remove(3));
    assertNull(tree.nearest(new double[] {0, 0}, Double.POSITIVE_INFINITY, true));
    assertEquals(50, tree.kNearest(new double[] {0, 0}, 80, false).size());
    assertEquals(0, tree.kNearest(new double[] {0, 0}, 5, true).size());
  }

  @Test
  void nearestOtherSkipsOnlyThePointItself() {
    Points points = Points.of(new double[][] {{0, 0}, {0, 0}, {3, 4}});
    KdTree tree = new KdTree(points);
    assertEquals(new Neighbor(1, 0.0), tree.nearestOther(0, false));
    assertEquals(5.0, tree.nearestOther(2, false).distance(), 1e-12);
    assertEquals(5.0, Metric.EUCLIDEAN.distance(new double[] {0, 0}, new double[] {3, 4}), 0);
    assertEquals(7.0, Metric.MANHATTAN.distance(new double[] {0, 0}, new double[] {3, 4}), 0);
    assertEquals(4.0, Metric.CHEBYSHEV.distance(new double[] {0, 0}, new double[] {3, 4}), 0);
  }

  @Test
  void arrayKNearestMatchesTheListSearch() {
    SplittableRandom rng = new SplittableRandom(4);
    double[] values = new double[600];
    for (int i = 0; i < values.length; i++) {
      values[i] = rng.nextInt(8);
    }
    KdTree tree = new KdTree(new Points(values, 200, 3));
    for (int i = 0; i < 200; i += 3) {
      tree.remove(i);
    }
    int[] indices = new int[12];
    double[] distances = new double[12];
    for (int q = 0; q < 50; q++) {
      double[] query = {rng.nextInt(8), rng.nextInt(8), rng.nextInt(8)};
      for (boolean aliveOnly : new boolean[] {true, false}) {
        List<Neighbor> expected = tree.kNearest(query, 12, aliveOnly);
        int found = tree.kNearest(query, 12, aliveOnly, indices, distances);
        assertEquals(expected.size(), found);
        for (int f = 0; f < found; f++) {
          assertEquals(expected.get(f).index(), indices[f], "query " + q + " rank " + f);
          assertEquals(expected.get(f).distance(), distances[f], 0.0);
        }
      }
    }
  }

  /**
   * Queries where the shell bound decides: draws from a box around 16-D Gaussian data (most lie
   * farther from every point than the radius) and queries on the ray from the data's mean through a
   * point, at exactly the radius beyond it, where the bound is tight. Every search must still match
   * brute force, and the point at the edge of the radius must be found.
   */
  @Test
  void farQueriesInManyDimensionsAgreeWithBruteForce() {
    int dim = 16;
    for (Metric metric : Metric.values()) {
      Points points = random(600, dim, 17L + metric.ordinal(), false);
      double[] mean = new double[dim];
      for (int i = 0; i < points.count(); i++) {
        double[] p = points.point(i);
        for (int d = 0; d < dim; d++) {
          mean[d] += p[d] / points.count();
        }
      }
      KdTree tree = new KdTree(points, metric);
      SplittableRandom rng = new SplittableRandom(9);
      double radius = metric == Metric.EUCLIDEAN ? 2.5 : (metric == Metric.MANHATTAN ? 8 : 1);
      for (int round = 0; round < 200; round++) {
        double[] q = new double[dim];
        double r = radius;
        if (round % 2 == 0) {
          for (int d = 0; d < dim; d++) {
            q[d] = -5 + 10 * rng.nextDouble();
          }
        } else {
          double[] p = points.point(rng.nextInt(points.count()));
          double out = metric.distance(p, mean);
          for (int d = 0; d < dim; d++) {
            q[d] = mean[d] + (p[d] - mean[d]) * (1 + radius / out);
          }
          r = metric.distance(p, q);
        }
        String where = metric + " round " + round;
        List<Integer> expected = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        int bestIndex = -1;
        for (int i = 0; i < points.count(); i++) {
          double d = distance(metric, points, i, q);
          if (metric.reduced(points.point(i), q) <= metric.reduce(r)) {
            expected.add(i);
          }
          if (d < best) {
            best = d;
            bestIndex = i;
          }
        }
        List<Integer> got =
            tree.withinRadius(q, r, false).stream().map(Neighbor::index).sorted().toList();
        assertEquals(expected, got, where);
        Neighbor near = tree.nearest(q, r, false);
        if (expected.isEmpty()) {
          assertNull(near, where);
        } else {
          assertEquals(best, near.distance(), 1e-12, where);
        }
        assertEquals(bestIndex, tree.kNearest(q, 1, false).get(0).index(), where);
        List<Neighbor> within = new ArrayList<>();
        for (int i : expected) {
          within.add(new Neighbor(i, distance(metric, points, i, q)));
        }
        within.sort(null);
        assertNeighbors(
            within.subList(0, Math.min(3, within.size())),
            tree.kNearestWithin(q, 3, r, false),
            where);
        assertEquals(best, tree.nearest(q, Double.POSITIVE_INFINITY, false).distance(), 1e-12);
      }
    }
  }

  private static void assertNeighbors(List<Neighbor> expected, List<Neighbor> got, String where) {
    assertEquals(
        expected.stream().map(Neighbor::index).toList(),
        got.stream().map(Neighbor::index).toList(),
        where);
    for (int j = 0; j < expected.size(); j++) {
      assertEquals(expected.get(j).distance(), got.get(j).distance(), 1e-12, where);
    }
  }
}
