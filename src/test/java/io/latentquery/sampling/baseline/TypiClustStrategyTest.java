package io.latentquery.sampling.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.strategy.StrategyOptions;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TypiClustStrategyTest {
  /**
   * Blob b: a dense core of 21 points (sigma 0.02) then sparse[b] points (sigma 3), around
   * centre(b).
   */
  static Points coredBlobs(int[] sparse, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] rows = new double[Arrays.stream(sparse).sum() + 21 * sparse.length][];
    int i = 0;
    for (int b = 0; b < sparse.length; b++) {
      double[] c = Blobs.centre(b);
      for (int j = 0; j < 21 + sparse[b]; j++) {
        double sigma = j < 21 ? 0.02 : 3;
        rows[i++] =
            new double[] {c[0] + sigma * Blobs.gaussian(rng), c[1] + sigma * Blobs.gaussian(rng)};
      }
    }
    return Points.of(rows);
  }

  /** The point of {@code members} with the lowest mean distance to its k nearest other members. */
  static int mostTypical(Points points, int from, int to, int k) {
    int best = -1;
    double bestMean = Double.POSITIVE_INFINITY;
    for (int i = from; i < to; i++) {
      double[] d = new double[to - from - 1];
      int n = 0;
      for (int j = from; j < to; j++) {
        if (j != i) {
          d[n++] = Math.sqrt(points.squaredDistance(i, j));
        }
      }
      Arrays.sort(d);
      double mean = Arrays.stream(d, 0, k).average().orElseThrow();
      if (mean < bestMean) {
        bestMean = mean;
        best = i;
      }
    }
    return best;
  }

  static TypiClustStrategy strategy(Map<String, String> options) {
    return TypiClustStrategy.fromOptions(StrategyOptions.of(options));
  }

  @Test
  void takesTheMostTypicalPointOfEachClusterLargestFirst() {
    int[] sparse = {30, 50, 10};
    int[] sizes = {51, 71, 31};
    Points points = coredBlobs(sparse, 4);
    Selection selection = strategy(Map.of()).select(points, SelectionRequest.of(3, 2));
    assertArrayEquals(new int[] {1, 0, 2}, Blobs.blobsOf(selection, sizes));
    int[] starts = {0, 51, 122, 153};
    for (int rank = 0; rank < 3; rank++) {
      int blob = Blobs.blobOf(selection.indices()[rank], sizes);
      int index = selection.indices()[rank];
      assertTrue(
          index - starts[blob] < 21, "pick " + index + " is in the dense core of blob " + blob);
      assertEquals(mostTypical(points, starts[blob], starts[blob + 1], 20), index);
    }
    assertEquals(3, selection.parameters().get("clusters"));
    assertEquals(20, selection.parameters().get("neighbors"));
  }

  @Test
  void whenEveryClusterIsCoveredStartsAgainFromTheLargest() {
    int[] sizes = {51, 71, 31};
    Points points = coredBlobs(new int[] {30, 50, 10}, 4);
    Selection selection =
        strategy(Map.of("typiclust-max-clusters", "3")).select(points, SelectionRequest.of(7, 2));
    assertArrayEquals(new int[] {1, 0, 2, 1, 0, 2, 1}, Blobs.blobsOf(selection, sizes));
    assertEquals(3, selection.parameters().get("clusters"));
    assertEquals(Blobs.set(selection.indices()).size(), 7);
  }

  @Test
  void skipsSmallClustersWhileLargerOnesCanGive() {
    int[] sizes = {50, 40, 3};
    Points points = Blobs.blobs(sizes, 1, 6);
    Selection selection = strategy(Map.of()).select(points, SelectionRequest.of(3, 1));
    assertArrayEquals(new int[] {0, 1, 0}, Blobs.blobsOf(selection, sizes));
    assertEquals(2, selection.parameters().get("large_clusters"));
    assertEquals(0, selection.parameters().get("picks_from_small_clusters"));
    Selection tiny =
        strategy(Map.of("typiclust-min-cluster-size", "60"))
            .select(points, SelectionRequest.of(3, 1));
    assertEquals(
        3,
        tiny.parameters().get("picks_from_small_clusters"),
        "with no large cluster the small ones serve");
  }

  @Test
  void labeledPointsCoverTheirClustersAndAreNotTakenAgain() {
    int[] sizes = {51, 71, 31};
    Points points = coredBlobs(new int[] {30, 50, 10}, 4);
    int core0 = mostTypical(points, 0, 51, 20);
    Selection selection =
        strategy(Map.of()).select(points, new SelectionRequest(1, 2, new int[] {core0, 60}));
    assertEquals(
        2, Blobs.blobOf(selection.indices()[0], sizes), "the first pick is in the uncovered blob");
    assertTrue(
        !Blobs.set(selection.indices()).contains(core0)
            && !Blobs.set(selection.indices()).contains(60));
  }

  @Test
  void refusesBadOptions() {
    assertEquals(
        "--typiclust-max-clusters must be >= 1, got 0",
        assertThrows(
                IllegalArgumentException.class,
                () -> strategy(Map.of("typiclust-max-clusters", "0")))
            .getMessage());
    assertEquals(
        "--kmeans-restarts must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> strategy(Map.of("kmeans-restarts", "0")))
            .getMessage());
  }
}
