package io.latentquery.sampling.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.cluster.KMeans;
import io.latentquery.sampling.cluster.KMeansResult;
import org.junit.jupiter.api.Test;

class PurityDeltaTest {
  /** Purity by definition: the fraction of points whose whole delta-ball lies in their cluster. */
  static double bruteForcePurity(Points points, int[] assignments, double delta) {
    int pure = 0;
    for (int i = 0; i < points.count(); i++) {
      boolean ok = true;
      for (int j = 0; j < points.count() && ok; j++) {
        ok = assignments[j] == assignments[i] || Math.sqrt(points.squaredDistance(i, j)) > delta;
      }
      pure += ok ? 1 : 0;
    }
    return (double) pure / points.count();
  }

  @Test
  void boundaryQuantilesMatchBruteForceOnOverlappingClusters() {
    for (int dim : new int[] {2, 5}) {
      Points points = Blobs.mixture(400, dim, 6, dim);
      KMeansResult fit = KMeans.fit(points, KMeansRuns.defaults().settings(7), 3);
      int[] a = fit.assignments();
      double[] d = new double[points.count()];
      for (int i = 0; i < points.count(); i++) {
        d[i] = Double.POSITIVE_INFINITY;
        for (int j = 0; j < points.count(); j++) {
          if (a[j] != a[i]) {
            d[i] = Math.min(d[i], Math.sqrt(points.squaredDistance(i, j)));
          }
        }
      }
      double[] sorted = d.clone();
      java.util.Arrays.sort(sorted);
      for (int rank : new int[] {0, 19, 200, 399}) {
        PurityDelta.Boundary boundary = new PurityDelta.Boundary(points, fit);
        assertEquals(
            sorted[rank], boundary.smallest(rank), 1e-12, "rank " + rank + " in dimension " + dim);
        double delta = sorted[rank] * 0.999;
        long above = java.util.Arrays.stream(d).filter(x -> x > delta).count();
        assertEquals(above, boundary.countAbove(delta), "rank " + rank + " in dimension " + dim);
      }
    }
  }

  @Test
  void chosenDeltaIsTheLargestThatKeepsPurityAlpha() {
    Points points = Blobs.mixture(300, 2, 4, 8);
    PurityRule rule = new PurityRule(0.9, 5, KMeansRuns.defaults());
    PurityDelta.Result result = PurityDelta.choose(points, rule, 12);
    int[] assignments = KMeans.fit(points, rule.kmeans().settings(5), 12).assignments();
    double purity = bruteForcePurity(points, assignments, result.delta());
    assertEquals(purity, result.purity(), 1e-12);
    assertTrue(purity >= 0.9, "purity " + purity);
    assertTrue(
        bruteForcePurity(points, assignments, result.delta() * (1 + 1e-6)) < 0.9,
        "a slightly larger delta falls below alpha");
  }
}
