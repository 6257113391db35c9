package io.latentquery.sampling.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.strategy.StrategyOptions;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KMeansStrategyTest {
  private static final KMeansStrategy KMEANS = new KMeansStrategy(KMeansRuns.defaults());

  @Test
  void takesOnePointNearTheCentreOfEachSeparatedBlobLargestFirst() {
    int[] sizes = {40, 70, 25, 55};
    Points points = Blobs.blobs(sizes, 1, 9);
    Selection selection = KMEANS.select(points, SelectionRequest.of(4, 5));
    assertEquals(
        Arrays.toString(new int[] {1, 3, 0, 2}), Arrays.toString(Blobs.blobsOf(selection, sizes)));
    for (int rank = 0; rank < 4; rank++) {
      int blob = Blobs.blobOf(selection.indices()[rank], sizes);
      double[] c = Blobs.centre(blob);
      assertTrue(
          Math.sqrt(points.squaredDistance(selection.indices()[rank], c)) < 1.0,
          "the pick is near its blob's centre");
      assertTrue(selection.drawDistances()[rank] < 0.5, "the pick is near its centroid");
    }
    assertEquals(4, selection.parameters().get("clusters"));
  }

  @Test
  void centroidsSharingANearestPointTakeDistinctPoints() {
    // Three identical points and one apart: k-means++ puts two centroids on the identical
    // points, and the second centroid takes the next nearest unselected copy.
    Points points = Blobs.line(0, 0, 0, 10);
    Selection selection = KMEANS.select(points, SelectionRequest.of(3, 1));
    Set<Integer> chosen = Blobs.set(selection.indices());
    assertEquals(3, chosen.size());
    assertTrue(chosen.contains(3));
  }

  @Test
  void labeledPointsCoverTheirClusters() {
    int[] sizes = {40, 40, 40};
    Points points = Blobs.blobs(sizes, 1, 3);
    Selection selection = KMEANS.select(points, new SelectionRequest(1, 1, new int[] {3, 45}));
    assertEquals(2, Blobs.blobOf(selection.indices()[0], sizes));
    assertEquals(3, selection.parameters().get("clusters"), "k = n + labeled");
    assertEquals(2, selection.parameters().get("covered_clusters"));
    Set<Integer> again = new HashSet<>();
    for (int i : KMEANS.select(points, new SelectionRequest(20, 1, new int[] {3, 45})).indices()) {
      again.add(i);
    }
    assertTrue(!again.contains(3) && !again.contains(45));
  }

  @Test
  void recordsWhichKMeansRanAndRunsMiniBatchWhenAsked() {
    int[] sizes = {40, 70, 25, 55};
    Points points = Blobs.blobs(sizes, 1, 9);
    Selection auto = KMEANS.select(points, SelectionRequest.of(4, 5));
    assertEquals("auto", auto.parameters().get("kmeans"));
    assertEquals("full", auto.parameters().get("kmeans_algorithm"), "a small pool runs Lloyd");
    KMeansStrategy forced =
        KMeansStrategy.fromOptions(StrategyOptions.of(Map.of("kmeans", "mini-batch")));
    Selection mini = forced.select(points, SelectionRequest.of(4, 5));
    assertEquals("mini-batch", mini.parameters().get("kmeans_algorithm"));
    assertTrue(mini.parameters().containsKey("kmeans_batches"));
    assertEquals(
        Arrays.toString(new int[] {1, 3, 0, 2}), Arrays.toString(Blobs.blobsOf(mini, sizes)));
    assertEquals(
        Arrays.toString(mini.indices()),
        Arrays.toString(forced.select(points, SelectionRequest.of(4, 5)).indices()),
        "same seed, same selection");
  }

  @Test
  void refusesAnUnknownKMeansAlgorithm() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> KMeansStrategy.fromOptions(StrategyOptions.of(Map.of("kmeans", "elkan"))));
    assertEquals("--kmeans must be full, mini-batch or auto, got 'elkan'", e.getMessage());
  }
}
