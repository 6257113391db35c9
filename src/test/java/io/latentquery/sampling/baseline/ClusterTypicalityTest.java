package io.latentquery.sampling.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.latentquery.sampling.Points;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterTypicalityTest {
  /**
   * The most typical of {@code members} by brute force: the lowest mean distance to its min(k,
   * |members| / 2) nearest other members, ties to the lower index; the first when that is 0.
   */
  static int bruteMostTypical(Points points, List<Integer> members, int k) {
    int neighbors = Math.min(k, members.size() / 2);
    if (neighbors == 0) {
      return members.get(0);
    }
    int best = -1;
    double bestMean = Double.POSITIVE_INFINITY;
    for (int i : members) {
      double[] d = new double[members.size() - 1];
      int n = 0;
      for (int j : members) {
        if (j != i) {
          d[n++] = Math.sqrt(points.squaredDistance(i, j));
        }
      }
      Arrays.sort(d);
      double sum = 0;
      for (int t = 0; t < neighbors; t++) {
        sum += d[t];
      }
      if (sum / neighbors < bestMean) {
        bestMean = sum / neighbors;
        best = i;
      }
    }
    return best;
  }

  @Test
  void everyPickEqualsABruteForceSearchOverTheMembersLeft() {
    for (int dim : new int[] {1, 2, 5}) {
      Points points = Blobs.mixture(90, dim, 3, dim);
      int[] candidates = new int[60];
      List<Integer> left = new ArrayList<>();
      for (int j = 0; j < 60; j++) {
        candidates[j] = 30 + j;
        left.add(30 + j);
      }
      ClusterTypicality typicality = new ClusterTypicality(points, candidates, 7);
      for (int pick = 0; pick < 60; pick++) {
        int expected = bruteMostTypical(points, left, 7);
        assertEquals(expected, typicality.takeMostTypical(), "pick " + pick + ", dim " + dim);
        left.remove(Integer.valueOf(expected));
      }
      assertEquals(-1, typicality.takeMostTypical(), "none left");
    }
  }

  @Test
  void duplicatePointsTieToTheLowerIndex() {
    Points points = Blobs.line(5, 0, 0, 0, 0, 9);
    ClusterTypicality typicality = new ClusterTypicality(points, new int[] {0, 1, 2, 3, 4, 5}, 2);
    assertEquals(1, typicality.takeMostTypical());
    assertEquals(2, typicality.takeMostTypical());
  }
}
