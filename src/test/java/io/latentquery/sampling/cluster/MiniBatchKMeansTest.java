package io.latentquery.sampling.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.sampling.Points;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MiniBatchKMeansTest {
  /** N points from a mixture of unit Gaussian blobs with centres spread over [-15, 15]^dim. */
  static Points mixture(int count, int dim, int blobs, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] centres = new double[blobs][dim];
    for (double[] c : centres) {
      for (int d = 0; d < dim; d++) {
        c[d] = 30 * rng.nextDouble() - 15;
      }
    }
    double[] values = new double[count * dim];
    for (int i = 0; i < count; i++) {
      double[] c = centres[rng.nextInt(blobs)];
      for (int d = 0; d < dim; d++) {
        values[i * dim + d] = c[d] + rng.nextGaussian();
      }
    }
    return new Points(values, count, dim);
  }

  /** The index of the centre nearest to point i, by scanning every centre. */
  static int bruteNearest(Points points, int i, Points centres) {
    int best = 0;
    for (int c = 1; c < centres.count(); c++) {
      if (points.squaredDistance(i, centres.point(c))
          < points.squaredDistance(i, centres.point(best))) {
        best = c;
      }
    }
    return best;
  }

  /** The sum of squared distances from every point to its nearest centre, by brute force. */
  static double bruteInertia(Points points, Points centres) {
    double sum = 0;
    for (int i = 0; i < points.count(); i++) {
      sum += points.squaredDistance(i, centres.point(bruteNearest(points, i, centres)));
    }
    return sum;
  }

  /** Mini-batch k-means trades a few percent of objective for speed; here about 6% on 2-D. */
  @Test
  void objectiveIsWithinAFewPercentOfFullLloyd() {
    for (int dim : new int[] {2, 8}) {
      Points points = mixture(30_000, dim, 40, dim);
      int k = 60;
      KMeansResult lloyd = KMeans.fit(points, new KMeansSettings(k, 1, 100, 1e-6), 3);
      KMeansResult mini = MiniBatchKMeans.fit(points, new MiniBatchSettings(k, 3, 1024, 300), 3);
      double lloydObjective = bruteInertia(points, lloyd.centroids());
      double miniObjective = bruteInertia(points, mini.centroids());
      assertEquals(miniObjective, mini.inertia(), 1e-9 * miniObjective, "reported inertia");
      assertTrue(
          miniObjective <= 1.08 * lloydObjective,
          "dimension "
              + dim
              + ": mini-batch objective "
              + miniObjective
              + " against full Lloyd's "
              + lloydObjective);
    }
  }

  @Test
  void finalPassGivesEveryPointItsNearestCentre() {
    for (int k : new int[] {5, 40}) {
      Points points = mixture(4_000, 3, 12, k);
      KMeansResult fit = MiniBatchKMeans.fit(points, new MiniBatchSettings(k, 2, 256, 50), 7);
      int[] assignments = fit.assignments();
      int[] sizes = new int[k];
      for (int i = 0; i < points.count(); i++) {
        int brute = bruteNearest(points, i, fit.centroids());
        double own = points.squaredDistance(i, fit.centroids().point(assignments[i]));
        double nearest = points.squaredDistance(i, fit.centroids().point(brute));
        assertEquals(nearest, own, 0, "point " + i + " with k = " + k);
        sizes[assignments[i]]++;
      }
      assertArrayEquals(sizes, fit.sizes());
    }
  }

  @Test
  void sameSeedSameResultOtherSeedOtherResult() {
    Points points = mixture(20_000, 2, 30, 5);
    MiniBatchSettings settings = MiniBatchSettings.of(50, 3);
    KMeansResult a = MiniBatchKMeans.fit(points, settings, 11);
    KMeansResult b = MiniBatchKMeans.fit(points, settings, 11);
    KMeansResult c = MiniBatchKMeans.fit(points, settings, 12);
    assertArrayEquals(a.assignments(), b.assignments());
    assertArrayEquals(a.centroids().toArray(), b.centroids().toArray());
    assertEquals(a.inertia(), b.inertia(), 0);
    assertTrue(a.inertia() != c.inertia(), "another seed draws other batches");
  }

  @Test
  void stopsEarlyOnceTheSmoothedInertiaStopsFalling() {
    Points points = mixture(5_000, 2, 3, 2);
    KMeansResult fit = MiniBatchKMeans.fit(points, new MiniBatchSettings(3, 1, 5_000, 1_000), 1);
    assertTrue(fit.iterations() < 1_000, "ran " + fit.iterations() + " batches");
    assertTrue(fit.iterations() > MiniBatchKMeans.PATIENCE, "ran " + fit.iterations());
  }

  @Test
  void autoRunsMiniBatchOnlyAboveTheThreshold() {
    assertEquals(KMeansAlgorithm.FULL, KMeansAlgorithm.AUTO.resolve(100_000));
    assertEquals(KMeansAlgorithm.MINI_BATCH, KMeansAlgorithm.AUTO.resolve(100_001));
    assertEquals(KMeansAlgorithm.FULL, KMeansAlgorithm.FULL.resolve(5_000_000));
    assertEquals(KMeansAlgorithm.MINI_BATCH, KMeansAlgorithm.MINI_BATCH.resolve(10));
    Points points = mixture(2_000, 2, 5, 1);
    KMeansSettings settings = KMeansSettings.of(5);
    assertArrayEquals(
        KMeans.fit(points, settings, 4).assignments(),
        KMeansAlgorithm.AUTO.fit(points, settings, 4).assignments(),
        "auto on a small pool is exactly full Lloyd");
  }

  @Test
  void refusesAnUnknownAlgorithmNamingTheFlag() {
    assertEquals(KMeansAlgorithm.MINI_BATCH, KMeansAlgorithm.parse("Mini-Batch"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> KMeansAlgorithm.parse("lloyd"));
    assertEquals("--kmeans must be full, mini-batch or auto, got 'lloyd'", e.getMessage());
  }

  @Test
  void refusesMoreClustersThanPoints() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MiniBatchKMeans.fit(mixture(3, 2, 1, 1), MiniBatchSettings.of(4, 1), 1));
    assertTrue(e.getMessage().contains("3 points, 4 clusters"), e.getMessage());
  }
}
