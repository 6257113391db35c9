package io.latentquery.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RecipeTest {
  @Test
  void partsCombineInAnyOrderAndPrintInOne() {
    assertEquals(Recipe.SCRATCH, Recipe.parse("scratch"));
    assertEquals(new Recipe(true, true, false), Recipe.parse("augment+propagate"));
    assertEquals(new Recipe(true, true, true), Recipe.parse(" Augment+TRANSFER+propagate "));
    assertEquals("transfer+propagate+augment", Recipe.parse("augment+propagate+transfer").label());
    assertEquals("scratch", Recipe.SCRATCH.label());
    for (String known : Recipe.KNOWN) {
      assertEquals(known, Recipe.parse(known).label());
    }
  }

  @Test
  void unknownRepeatedOrEmptyPartsAreRefused() {
    for (String bad :
        new String[] {"magic", "augment+augment", "augment+", "scratch+augment", ""}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Recipe.parse(bad), bad);
      assertEquals(
          "unknown recipe '"
              + bad
              + "'; give scratch or any of transfer, propagate, augment joined by +",
          e.getMessage());
    }
  }
}
