package io.latentquery.sampling.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.files.Json;
import io.latentquery.sampling.Points;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.SelectionStrategy;
import io.latentquery.sampling.propagate.KnownLabels;
import io.latentquery.sampling.strategy.StrategyOptions;
import io.latentquery.sampling.strategy.StrategyRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What every registered strategy promises: seeded, distinct, never an already-labeled point, the
 * whole remaining pool when asked, any L. The loop runs over {@link StrategyRegistry#standard()},
 * so a strategy added there is held to the contract without a change here.
 */
class BaselineContractTest {
  private static final StrategyRegistry REGISTRY = StrategyRegistry.standard();
  private static final List<String> BASELINES =
      List.of("kmeans", "kcenter", "typiclust", "probcover");

  static SelectionStrategy create(String name) {
    return REGISTRY.create(name, StrategyOptions.none());
  }

  /**
   * Strategy {@code entry} with its default options, plus seeded per-point scores for a strategy
   * that ranks points by the autoencoder's reconstruction error, and the classes of points 1 and 2
   * for a strategy that spreads known labels (every test's pool holds them, and a test that labels
   * points labels these too).
   */
  private static SelectionStrategy create(StrategyRegistry.Entry entry, Points points) {
    StrategyOptions options = StrategyOptions.none();
    if (entry.needsReconstructionError()) {
      SplittableRandom rng = new SplittableRandom(points.count());
      options = options.withScores(rng.doubles(points.count()).toArray());
    }
    if (entry.needsKnownLabels()) {
      options =
          options.withKnownLabels(
              new KnownLabels(new int[] {1, 2}, new int[] {0, 1}, List.of("a", "b")));
    }
    return REGISTRY.create(entry.name(), options);
  }

  @Test
  void everyBaselineIsRegisteredAndTheLoopSeesEveryStrategy() {
    assertTrue(REGISTRY.names().containsAll(BASELINES), REGISTRY.names().toString());
    assertEquals(12, REGISTRY.entries().size(), REGISTRY.names().toString());
  }

  @Test
  void sameSeedSameSelectionInAnyDimension() {
    for (int dim : new int[] {1, 2, 7}) {
      Points points = Blobs.mixture(600, dim, 5, 20 + dim);
      for (StrategyRegistry.Entry entry : REGISTRY.entries()) {
        String name = entry.name();
        Selection a = create(entry, points).select(points, SelectionRequest.of(25, 13));
        Selection b = create(entry, points).select(points, SelectionRequest.of(25, 13));
        assertArrayEquals(a.indices(), b.indices(), name + " in dimension " + dim);
        assertEquals(
            Json.toJson(a.parameters()), Json.toJson(b.parameters()), name + " parameters");
        assertEquals(25, Blobs.set(a.indices()).size(), name + " picks distinct points");
        assertEquals(name, a.parameters().get("strategy"));
      }
    }
  }

  @Test
  void alreadyLabeledPointsAreNeverSelectedAndRoundsAreDisjoint() {
    Points points = Blobs.mixture(500, 3, 4, 2);
    for (StrategyRegistry.Entry entry : REGISTRY.entries()) {
      String name = entry.name();
      int[] first = create(entry, points).select(points, SelectionRequest.of(30, 1)).indices();
      int[] second =
          create(entry, points).select(points, new SelectionRequest(40, 1, first)).indices();
      Set<Integer> firstSet = Blobs.set(first);
      for (int i : second) {
        assertFalse(firstSet.contains(i), name + " selected labeled point " + i + " again");
      }
      assertEquals(40, Blobs.set(second).size(), name);
    }
  }

  @Test
  void baselinesRecordHowManyPointsWereLabeled() {
    Points points = Blobs.mixture(500, 3, 4, 2);
    for (String name : BASELINES) {
      int[] first = create(name).select(points, SelectionRequest.of(30, 1)).indices();
      Selection next = create(name).select(points, new SelectionRequest(40, 1, first));
      assertEquals(30, next.parameters().get("labeled"), name);
    }
  }

  @Test
  void selectingTheWholeRemainingPoolWorks() {
    Points points = Blobs.mixture(40, 2, 2, 4);
    int[] labeled = {0, 1, 2, 3, 4};
    for (StrategyRegistry.Entry entry : REGISTRY.entries()) {
      String name = entry.name();
      Selection selection =
          create(entry, points).select(points, new SelectionRequest(35, 1, labeled));
      assertEquals(35, Blobs.set(selection.indices()).size(), name);
      for (int i : selection.indices()) {
        assertTrue(i >= 5, name + " took labeled point " + i);
      }
    }
  }

  @Test
  void budgetLargerThanTheSelectablePoolIsRefused() {
    Points points = Blobs.mixture(10, 2, 2, 4);
    for (StrategyRegistry.Entry entry : REGISTRY.entries()) {
      var e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  create(entry, points)
                      .select(points, new SelectionRequest(9, 1, new int[] {1, 2})));
      assertEquals(
          "budget n = 9 is larger than the 8 selectable pool examples",
          e.getMessage(),
          entry.name());
    }
  }

  @Test
  void optionsOfOneBaselineAreRefusedByAnother() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> REGISTRY.create("kcenter", StrategyOptions.of(Map.of("delta", "1"))));
    assertEquals("--delta does not apply to strategy kcenter", e.getMessage());
  }
}
