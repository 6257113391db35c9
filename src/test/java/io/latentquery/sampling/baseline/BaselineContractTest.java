package io.latentquery.sampling.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.SelectionStrategy;
import io.latentquery.sampling.strategy.StrategyOptions;
import io.latentquery.sampling.strategy.StrategyRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every baseline promises: seeded, distinct, never an already-labeled point, any L. */
class BaselineContractTest {
  private static final StrategyRegistry REGISTRY = StrategyRegistry.standard();
  private static final List<String> NAMES = List.of("kmeans", "kcenter", "typiclust", "probcover");

  static SelectionStrategy create(String name) {
    return REGISTRY.create(name, StrategyOptions.none());
  }

  @Test
  void everyBaselineIsRegistered() {
    assertTrue(REGISTRY.names().containsAll(NAMES), REGISTRY.names().toString());
  }

  @Test
  void sameSeedSameSelectionInAnyDimension() {
    for (int dim : new int[] {1, 2, 7}) {
      Points points = Blobs.mixture(600, dim, 5, 20 + dim);
      for (String name : NAMES) {
        Selection a = create(name).select(points, SelectionRequest.of(25, 13));
        Selection b = create(name).select(points, SelectionRequest.of(25, 13));
        assertArrayEquals(a.indices(), b.indices(), name + " in dimension " + dim);
        assertEquals(a.parameters(), b.parameters(), name);
        assertEquals(25, Blobs.set(a.indices()).size(), name + " picks distinct points");
        assertEquals(name, a.parameters().get("strategy"));
      }
    }
  }

  @Test
  void alreadyLabeledPointsAreNeverSelectedAndRoundsAreDisjoint() {
    Points points = Blobs.mixture(500, 3, 4, 2);
    for (String name : NAMES) {
      int[] first = create(name).select(points, SelectionRequest.of(30, 1)).indices();
      Selection next = create(name).select(points, new SelectionRequest(40, 1, first));
      int[] second = next.indices();
      Set<Integer> firstSet = Blobs.set(first);
      for (int i : second) {
        assertFalse(firstSet.contains(i), name + " selected labeled point " + i + " again");
      }
      assertEquals(40, Blobs.set(second).size(), name);
      assertEquals(30, next.parameters().get("labeled"), name);
    }
  }

  @Test
  void selectingTheWholeRemainingPoolWorks() {
    Points points = Blobs.mixture(40, 2, 2, 4);
    int[] labeled = {0, 1, 2, 3, 4};
    for (String name : NAMES) {
      Selection selection = create(name).select(points, new SelectionRequest(35, 1, labeled));
      assertEquals(35, Blobs.set(selection.indices()).size(), name);
      for (int i : selection.indices()) {
        assertTrue(i >= 5, name + " took labeled point " + i);
      }
    }
  }

  @Test
  void budgetLargerThanTheSelectablePoolIsRefused() {
    Points points = Blobs.mixture(10, 2, 2, 4);
    for (String name : NAMES) {
      var e =
          assertThrows(
              IllegalArgumentException.class,
              () -> create(name).select(points, new SelectionRequest(9, 1, new int[] {1, 2})));
      assertEquals(
          "budget n = 9 is larger than the 8 selectable pool examples", e.getMessage(), name);
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
