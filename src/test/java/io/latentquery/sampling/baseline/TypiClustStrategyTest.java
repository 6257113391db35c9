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
      int size = starts[blob + 1] - starts[blob];
      assertEquals(
          mostTypical(points, starts[blob], starts[blob + 1], Math.min(20, size / 2)), index);
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

  /**
   * Cluster A, points 0-6: (6,1) (0,3) (0,6) (3,3) (4,6) (6,0) (5,3); cluster B, points 7-12:
   * (100,100) and four points 1 away from it plus (103,100); cluster C, points 13-17: five points
   * on a line at x = 200..204.
   */
  static Points threeClusters() {
    return Points.of(
        new double[][] {
          {6, 1},
          {0, 3},
          {0, 6},
          {3, 3},
          {4, 6},
          {6, 0},
          {5, 3},
          {100, 100},
          {101, 100},
          {99, 100},
          {100, 101},
          {100, 99},
          {103, 100},
          {200, 0},
          {201, 0},
          {202, 0},
          {203, 0},
          {204, 0}
        });
  }

  @Test
  void typicalityIsRecomputedAtEachPickOverTheRemainingMembersWithHalfTheClusterAsK() {
    // k = 3 clusters. C has 5 points, not more than 5, so it is passed over; A (7) comes before
    // B (6). In A, K = min(20, 7 / 2) = 3: point 0's three nearest are at 1, sqrt 5 and sqrt 13
    // (mean 2.281), the lowest (point 6: 2, sqrt 5, sqrt 10, mean 2.466; point 3: 2, 3, sqrt 10,
    // mean 2.721). With K = |A| - 1 = 6, point 3 (mean 3.376) would win instead.
    // B's centre, point 7, has three neighbours at 1. Then A again without point 0: K = 6 / 2 = 3,
    // point 3 keeps 2.721 but point 6 lost its neighbour at sqrt 5 (2, sqrt 10, sqrt 10: 2.775),
    // so point 3 is taken; a ranking computed once would take point 6.
    Selection selection = strategy(Map.of()).select(threeClusters(), SelectionRequest.of(3, 1));
    assertArrayEquals(new int[] {0, 7, 3}, selection.indices());
    assertEquals(2, selection.parameters().get("large_clusters"));
    assertEquals(0, selection.parameters().get("picks_from_small_clusters"));
  }

  @Test
  void labeledMembersNeitherCoverDensityNorGetTakenAndTheirClusterWaits() {
    // Point 0 labeled: k = 1 + 2 = 3. B has no labeled point, so it is served first (its centre,
    // 7); then A, whose typicality is computed without point 0, as in the second pick above.
    Selection selection =
        strategy(Map.of()).select(threeClusters(), new SelectionRequest(2, 1, new int[] {0}));
    assertArrayEquals(new int[] {7, 3}, selection.indices());
  }

  @Test
  void smallClustersServeOnlyOnceTheLargeOnesAreUsedUp() {
    // k capped at 3. With the minimum size 6 only A (7 > 6) is large: it gives all 7 points, then
    // B and C serve in the same order (B, larger, first).
    Selection selection =
        strategy(Map.of("typiclust-min-cluster-size", "6", "typiclust-max-clusters", "3"))
            .select(threeClusters(), SelectionRequest.of(9, 1));
    int[] firstSeven = Arrays.copyOf(selection.indices(), 7);
    Arrays.sort(firstSeven);
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, firstSeven, "A gives all its points first");
    assertEquals(2, selection.parameters().get("picks_from_small_clusters"));
    assertEquals(7, selection.indices()[7], "B, larger than C, serves first: its centre");
    // In C, K = 5 / 2 = 2: x = 201 and 202 both have neighbours at 1 and 1; the lower index wins.
    assertEquals(14, selection.indices()[8]);
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
