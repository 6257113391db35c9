package io.latentquery.sampling.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.strategy.StrategyOptions;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KCenterStrategyTest {
  private static final KCenterStrategy FROM_MEAN = new KCenterStrategy(KCenterStart.MEAN);

  @Test
  void onALineStartsAtTheMeanThenTakesBothEndsThenHalvesTheGaps() {
    Points line = Blobs.line(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    Selection selection = FROM_MEAN.select(line, SelectionRequest.of(4, 1));
    // 5 is nearest the mean; 0 and 10 are both 5 away (lower index first); then 2, 3, 7, 8 are
    // all 2 away from {0, 5, 10} and 2 has the lowest index.
    assertArrayEquals(new int[] {5, 0, 10, 2}, selection.indices());
    assertEquals(2.0, (double) selection.parameters().get("covering_radius"), 1e-12);
    assertEquals("mean", selection.parameters().get("start"));
    assertEquals(5, selection.parameters().get("start_index"));
  }

  @Test
  void labeledPointsAreTheStartAndCoverTheirBlobs() {
    int[] sizes = {40, 40, 40};
    Points points = Blobs.blobs(sizes, 1, 3);
    Selection selection = FROM_MEAN.select(points, new SelectionRequest(3, 1, new int[] {5, 50}));
    assertEquals(
        2, Blobs.blobOf(selection.indices()[0], sizes), "the first pick is in the unlabeled blob");
    assertEquals("labeled", selection.parameters().get("start"));
    assertTrue(
        !Blobs.set(selection.indices()).contains(5)
            && !Blobs.set(selection.indices()).contains(50));
  }

  @Test
  void aSecondRoundContinuesTheTraversalExactly() {
    Points points = Blobs.mixture(500, 3, 4, 11);
    int[] ten = FROM_MEAN.select(points, SelectionRequest.of(10, 1)).indices();
    int[] first = FROM_MEAN.select(points, SelectionRequest.of(4, 1)).indices();
    int[] second = FROM_MEAN.select(points, new SelectionRequest(6, 1, first)).indices();
    int[] joined = new int[10];
    System.arraycopy(first, 0, joined, 0, 4);
    System.arraycopy(second, 0, joined, 4, 6);
    assertArrayEquals(ten, joined);
  }

  @Test
  void randomStartIsSeeded() {
    Points points = Blobs.mixture(300, 2, 3, 5);
    KCenterStrategy random =
        KCenterStrategy.fromOptions(StrategyOptions.of(Map.of("kcenter-start", "random")));
    assertArrayEquals(
        random.select(points, SelectionRequest.of(8, 42)).indices(),
        random.select(points, SelectionRequest.of(8, 42)).indices());
    Set<Integer> starts = new HashSet<>();
    for (long seed = 0; seed < 5; seed++) {
      starts.add(random.select(points, SelectionRequest.of(1, seed)).indices()[0]);
    }
    assertTrue(starts.size() > 1, "different seeds start from different points");
    assertEquals(
        "random", random.select(points, SelectionRequest.of(1, 0)).parameters().get("start"));
  }

  @Test
  void refusesABadStartAndTooLargeABudget() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                KCenterStrategy.fromOptions(StrategyOptions.of(Map.of("kcenter-start", "corner"))));
    assertEquals("--kcenter-start must be mean or random, got 'corner'", e.getMessage());
    var tooMany =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                FROM_MEAN.select(
                    Blobs.line(0, 1, 2, 3), new SelectionRequest(3, 1, new int[] {0, 1})));
    assertTrue(tooMany.getMessage().contains("budget n = 3"), tooMany.getMessage());
  }
}
