package io.latentquery.sampling.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.sampling.Points;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KMeansTest {
  /**
   * {@code perBlob} points around each of three far-apart centres, interleaved, in dimension dim.
   */
  static Points blobs(int perBlob, int dim, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] values = new double[3 * perBlob * dim];
    for (int i = 0; i < 3 * perBlob; i++) {
      for (int d = 0; d < dim; d++) {
        values[i * dim + d] = (d == i % 3 ? 100 : 0) + rng.nextGaussian();
      }
    }
    return new Points(values, 3 * perBlob, dim);
  }

  @Test
  void findsThreeSeparatedBlobsInAnyDimension() {
    for (int dim : new int[] {3, 8}) {
      Points points = blobs(100, dim, dim);
      KMeansResult result = KMeans.fit(points, KMeansSettings.of(3), 7);
      int[] a = result.assignments();
      Set<Integer> seen = new HashSet<>();
      for (int blob = 0; blob < 3; blob++) {
        for (int i = blob; i < a.length; i += 3) {
          assertEquals(a[blob], a[i], "point " + i + " in dimension " + dim);
        }
        seen.add(a[blob]);
      }
      assertEquals(3, seen.size());
      assertArrayEquals(new int[] {100, 100, 100}, result.sizes());
      double inertia = 0;
      for (int i = 0; i < points.count(); i++) {
        inertia += points.squaredDistance(i, result.centroids().point(a[i]));
      }
      assertEquals(inertia, result.inertia(), 1e-6 * inertia);
    }
  }

  @Test
  void sameSeedSameResultAndManyClustersUseTheTree() {
    Points points = blobs(400, 2, 1);
    KMeansSettings settings = new KMeansSettings(40, 2, 30, 1e-6);
    KMeansResult a = KMeans.fit(points, settings, 11);
    KMeansResult b = KMeans.fit(points, settings, 11);
    assertArrayEquals(a.assignments(), b.assignments());
    assertEquals(a.inertia(), b.inertia(), 0);
    for (int i = 0; i < points.count(); i++) {
      double own = points.squaredDistance(i, a.centroids().point(a.assignments()[i]));
      for (int c = 0; c < 40; c++) {
        assertTrue(
            own <= points.squaredDistance(i, a.centroids().point(c)) + 1e-9,
            "point " + i + " is assigned to its nearest centroid");
      }
    }
  }

  @Test
  void refusesMoreClustersThanPoints() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> KMeans.fit(blobs(1, 2, 1), KMeansSettings.of(4), 1));
    assertTrue(e.getMessage().contains("3 points, 4 clusters"), e.getMessage());
  }

  @Test
  void approximateWardRecoversBlobsThatExactWardFinds() {
    Points points = blobs(500, 2, 4);
    WardClustering.Result exact = WardClustering.cluster(points, 3, WardMode.EXACT, 100, 1);
    WardClustering.Result approx = WardClustering.cluster(points, 3, WardMode.APPROX, 100, 1);
    assertEquals(WardMode.EXACT, exact.mode());
    assertEquals(WardMode.APPROX, approx.mode());
    assertArrayEquals(exact.clustering().assignments(), approx.clustering().assignments());
    assertArrayEquals(
        new int[] {0, 1, 2},
        new int[] {
          exact.clustering().clusterOf(0),
          exact.clustering().clusterOf(1),
          exact.clustering().clusterOf(2)
        });
  }
}
