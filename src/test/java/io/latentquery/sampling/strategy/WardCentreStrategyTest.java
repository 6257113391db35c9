package io.latentquery.sampling.strategy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.cluster.WardMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WardCentreStrategyTest {
  private static final WardCentreStrategy EXACT = new WardCentreStrategy(WardMode.EXACT, null);

  /** Blobs of the given sizes around (10 b, 0), spread 1, from a fixed seed. */
  private static Points blobs(int[] sizes) {
    Random rng = new Random(4);
    int n = java.util.Arrays.stream(sizes).sum();
    double[][] rows = new double[n][];
    int i = 0;
    for (int b = 0; b < sizes.length; b++) {
      for (int j = 0; j < sizes[b]; j++) {
        rows[i++] = new double[] {10 * b + rng.nextGaussian(), rng.nextGaussian()};
      }
    }
    return Points.of(rows);
  }

  /** Brute force: the member of [from, to) nearest the members' mean. */
  private static int nearestToMean(Points points, int from, int to) {
    double[] mean = new double[2];
    for (int i = from; i < to; i++) {
      mean[0] += points.get(i, 0) / (to - from);
      mean[1] += points.get(i, 1) / (to - from);
    }
    int best = -1;
    for (int i = from; i < to; i++) {
      if (best < 0 || points.squaredDistance(i, mean) < points.squaredDistance(best, mean)) {
        best = i;
      }
    }
    return best;
  }

  @Test
  void takesThePointNearestEachWardClustersMeanLargestClusterFirst() {
    int[] sizes = {30, 60, 45};
    Points points = blobs(sizes);
    Selection selection = EXACT.select(points, SelectionRequest.of(3, 1));
    int[] expected = {
      nearestToMean(points, 30, 90), nearestToMean(points, 90, 135), nearestToMean(points, 0, 30)
    };
    assertArrayEquals(expected, selection.indices());
    assertEquals(3, selection.parameters().get("clusters"));
    assertEquals("exact", selection.parameters().get("ward"));
  }

  @Test
  void aClusterHoldingALabeledPointIsSkipped() {
    int[] sizes = {30, 60, 45};
    Points points = blobs(sizes);
    // One labeled point in the largest blob: k = 2 + 1 clusters, and the two others give a pick.
    Selection selection = EXACT.select(points, new SelectionRequest(2, 1, new int[] {50}));
    assertArrayEquals(
        new int[] {nearestToMean(points, 90, 135), nearestToMean(points, 0, 30)},
        selection.indices());
    assertEquals(1, selection.parameters().get("covered_clusters"));
  }

  @Test
  void picksAreDistinctAndTheSameSeedGivesTheSameSelectionInTheApproximateMode() {
    Points points = blobs(new int[] {200, 300, 250});
    WardCentreStrategy approx = new WardCentreStrategy(WardMode.APPROX, 40);
    Selection a = approx.select(points, SelectionRequest.of(25, 3));
    Selection b = approx.select(points, SelectionRequest.of(25, 3));
    assertArrayEquals(a.indices(), b.indices());
    assertEquals(25, java.util.Arrays.stream(a.indices()).distinct().count());
    assertFalse(
        java.util.Arrays.equals(
            a.indices(), approx.select(points, SelectionRequest.of(25, 4)).indices()),
        "another seed moves the approximate mode's k-means cells");
  }
}
