package io.latentquery.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionBalanceTest {
  @Test
  void aPerfectlyEvenSelection() {
    // K=4, counts [2,2,2,2]: H = log 4, H / log 4 = 1; ratio 2/2 = 1.
    SelectionBalance b = SelectionBalance.of(new int[] {0, 1, 2, 3, 3, 2, 1, 0}, 4);
    assertEquals(4, b.classesCovered());
    assertEquals(1.0, b.normalizedEntropy(), 1e-12);
    assertEquals(1.0, b.largestToSmallest());
    assertEquals(List.of(2, 2, 2, 2), b.histogram());
    assertEquals(List.of(), b.missingClasses());
  }

  @Test
  void anUnevenSelectionWithAMissingClass() {
    // K=4, counts [3,1,0,0]: p = 3/4, 1/4; H = -(0.75 ln 0.75 + 0.25 ln 0.25) = 0.215762 + 0.346574
    // = 0.562335; / ln 4 (1.386294) = 0.405639. Ratio over present classes: 3/1 = 3.
    SelectionBalance b = SelectionBalance.of(new int[] {0, 0, 1, 0}, 4);
    assertEquals(2, b.classesCovered());
    assertEquals(List.of(2, 3), b.missingClasses());
    assertEquals(0.405639, b.normalizedEntropy(), 1e-6);
    assertEquals(3.0, b.largestToSmallest());
    assertEquals(List.of(3, 1, 0, 0), b.histogram());
    assertEquals(4, b.size());
  }

  @Test
  void oneClassOnlyHasZeroEntropy() {
    // K=10, counts [0,0,0,0,0,5,0,...]: H = 0; ratio 5/5 = 1 over the one present class.
    SelectionBalance b = SelectionBalance.of(new int[] {5, 5, 5, 5, 5}, 10);
    assertEquals(1, b.classesCovered());
    assertEquals(0.0, b.normalizedEntropy());
    assertEquals(1.0, b.largestToSmallest());
    assertEquals(9, b.missingClasses().size());
  }

  @Test
  void threeClassesOneTwoThree() {
    // K=3, counts [1,2,3] of 6: H = -(1/6 ln 1/6 + 1/3 ln 1/3 + 1/2 ln 1/2)
    // = 0.298627 + 0.366204 + 0.346574 = 1.011404; / ln 3 (1.098612) = 0.920620. Ratio 3/1.
    SelectionBalance b = SelectionBalance.of(new int[] {0, 1, 1, 2, 2, 2}, 3);
    assertEquals(0.920620, b.normalizedEntropy(), 1e-6);
    assertEquals(3.0, b.largestToSmallest());
  }

  @Test
  void badLabelsAreRefused() {
    var outside =
        assertThrows(
            IllegalArgumentException.class, () -> SelectionBalance.of(new int[] {0, 4}, 4));
    assertEquals("label 4 is outside 0..3", outside.getMessage());
    var empty =
        assertThrows(IllegalArgumentException.class, () -> SelectionBalance.of(new int[0], 4));
    assertEquals("the balance of an empty selection is undefined", empty.getMessage());
  }

  @Test
  void randomSelectionIsSeededAndDistinct() {
    int[] a = RandomSelection.draw(1000, 100, 7);
    assertEquals(100, java.util.Arrays.stream(a).distinct().count());
    assertEquals(
        java.util.Arrays.toString(a),
        java.util.Arrays.toString(RandomSelection.draw(1000, 100, 7)));
    org.junit.jupiter.api.Assertions.assertNotEquals(
        java.util.Arrays.toString(a),
        java.util.Arrays.toString(RandomSelection.draw(1000, 100, 8)));
    var tooMany =
        assertThrows(IllegalArgumentException.class, () -> RandomSelection.draw(10, 11, 1));
    assertEquals("random selection size must be in 1..10, got 11", tooMany.getMessage());
  }
}
