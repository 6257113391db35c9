package io.latentquery.sampling.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.strategy.StrategyOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbCoverStrategyTest {
  static ProbCoverStrategy strategy(Map<String, String> options) {
    return ProbCoverStrategy.fromOptions(StrategyOptions.of(options));
  }

  @Test
  void greedyCoverageOnALine() {
    // Balls at delta 1: {0,1}, {0,1,2}, {1,2}, {10,11}, {10,11}, {20}; 12 edges.
    Points line = Blobs.line(0, 1, 2, 10, 11, 20);
    Selection selection = strategy(Map.of("delta", "1")).select(line, SelectionRequest.of(3, 1));
    assertArrayEquals(new int[] {1, 3, 5}, selection.indices());
    assertEquals(12L, selection.parameters().get("edges"));
    assertEquals(1.0, selection.parameters().get("covered_fraction"));
    assertEquals(0, selection.parameters().get("random_picks"));
    assertEquals("given", selection.parameters().get("delta_rule"));
  }

  @Test
  void aDeltaCoveringEachBlobTakesOnePerBlobLargestFirstThenRandom() {
    int[] sizes = {30, 50, 20};
    Points points = Blobs.blobs(sizes, 1, 7);
    Selection selection = strategy(Map.of("delta", "20")).select(points, SelectionRequest.of(5, 3));
    int[] blobs = Blobs.blobsOf(selection, sizes);
    assertArrayEquals(new int[] {1, 0, 2}, new int[] {blobs[0], blobs[1], blobs[2]});
    assertEquals(2, selection.parameters().get("random_picks"));
    assertEquals(1.0, selection.parameters().get("covered_fraction"));
    assertEquals(Blobs.set(selection.indices()).size(), 5);
    assertArrayEquals(
        selection.indices(),
        strategy(Map.of("delta", "20")).select(points, SelectionRequest.of(5, 3)).indices(),
        "the random picks are seeded");
  }

  @Test
  void labeledPointsCoverTheirBlobsFirst() {
    int[] sizes = {30, 50, 20};
    Points points = Blobs.blobs(sizes, 1, 7);
    Selection selection =
        strategy(Map.of("delta", "20"))
            .select(points, new SelectionRequest(1, 3, new int[] {0, 40}));
    assertEquals(2, Blobs.blobOf(selection.indices()[0], sizes));
    assertEquals(0.8, (double) selection.parameters().get("covered_fraction_labeled"), 1e-12);
    assertEquals(1.0, (double) selection.parameters().get("covered_fraction"), 1e-12);
  }

  @Test
  void aSecondRoundContinuesTheGreedyCover() {
    Points points = Blobs.mixture(400, 2, 5, 9);
    ProbCoverStrategy probcover = strategy(Map.of("delta", "0.8"));
    int[] ten = probcover.select(points, SelectionRequest.of(10, 1)).indices();
    int[] first = probcover.select(points, SelectionRequest.of(4, 1)).indices();
    int[] second = probcover.select(points, new SelectionRequest(6, 1, first)).indices();
    int[] joined = new int[10];
    System.arraycopy(first, 0, joined, 0, 4);
    System.arraycopy(second, 0, joined, 4, 6);
    assertArrayEquals(ten, joined);
  }

  @Test
  void automaticDeltaLiesBetweenTheWithinAndBetweenBlobScales() {
    int[] sizes = {60, 80, 40};
    Points points = Blobs.blobs(sizes, 1, 2);
    Selection selection =
        strategy(Map.of("purity-clusters", "3")).select(points, SelectionRequest.of(3, 4));
    double delta = (double) selection.parameters().get("delta");
    double within = 0;
    for (int i = 0; i < points.count(); i++) {
      for (int j = 0; j < i; j++) {
        if (Blobs.blobOf(i, sizes) == Blobs.blobOf(j, sizes)) {
          within = Math.max(within, Math.sqrt(points.squaredDistance(i, j)));
        }
      }
    }
    // Blob diameters are under 10, blob centres 100 apart; 5% impurity lets delta reach a little
    // past the nearest gaps between blobs but not the centre distance.
    assertTrue(delta > within && delta < 100, "delta " + delta + " outside (" + within + ", 100)");
    assertArrayEquals(new int[] {1, 0, 2}, Blobs.blobsOf(selection, sizes));
    assertEquals(0.95, selection.parameters().get("alpha"));
    assertEquals(3, selection.parameters().get("purity_clusters"));
    assertTrue((double) selection.parameters().get("purity") >= 0.95);
    assertEquals(1.0, selection.parameters().get("covered_fraction"));
  }

  @Test
  void refusesAGraphLargerThanTheEdgeBound() {
    Points points = Blobs.mixture(200, 2, 2, 1);
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                strategy(Map.of("delta", "100", "max-edges", "1000"))
                    .select(points, SelectionRequest.of(2, 1)));
    assertTrue(e.getMessage().contains("delta = 100.0 would exceed 1,000 edges"), e.getMessage());
    assertTrue(e.getMessage().contains("give a smaller --delta"), e.getMessage());
  }

  @Test
  void refusesAFarTooLargeGraphFromASampleBeforeBuildingIt() {
    Points points = Blobs.mixture(2_000, 2, 2, 1);
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                strategy(Map.of("delta", "1000", "max-edges", "10000"))
                    .select(points, SelectionRequest.of(2, 1)));
    assertTrue(
        e.getMessage().contains("about 4,000,000 edges (estimated from 500 sampled points)"),
        e.getMessage());
    assertTrue(e.getMessage().contains("give a smaller --delta"), e.getMessage());
  }

  @Test
  void refusesBadOptionsNamingTheValue() {
    assertEquals(
        "--delta must be a number > 0, got -0.5",
        assertThrows(IllegalArgumentException.class, () -> strategy(Map.of("delta", "-0.5")))
            .getMessage());
    assertEquals(
        "--alpha must be in (0, 1], got 1.5",
        assertThrows(IllegalArgumentException.class, () -> strategy(Map.of("alpha", "1.5")))
            .getMessage());
    assertEquals(
        "--alpha must be in (0, 1], got 0.0",
        assertThrows(IllegalArgumentException.class, () -> strategy(Map.of("alpha", "0")))
            .getMessage());
    assertEquals(
        "--alpha must be a number in (0, 1], got 'high'",
        assertThrows(IllegalArgumentException.class, () -> strategy(Map.of("alpha", "high")))
            .getMessage());
    assertEquals(
        "--purity-clusters must be >= 2, got 1",
        assertThrows(IllegalArgumentException.class, () -> strategy(Map.of("purity-clusters", "1")))
            .getMessage());
    assertEquals(
        "--alpha and --purity-clusters choose delta; they do not apply with --delta",
        assertThrows(
                IllegalArgumentException.class,
                () -> strategy(Map.of("delta", "1", "alpha", "0.9")))
            .getMessage());
    var tooMany =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                strategy(Map.of("delta", "1"))
                    .select(Blobs.line(0, 1, 2), SelectionRequest.of(4, 1)));
    assertEquals(
        "budget n = 4 is larger than the 3 selectable pool examples", tooMany.getMessage());
  }
}
