package io.latentquery.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BatchBoundsTest {
  @Test
  void plainCutWithoutMinimum() {
    assertArrayEquals(new int[] {0, 64, 128, 130}, BatchBounds.of(130, 64, 1));
    assertArrayEquals(new int[] {0, 64, 128}, BatchBounds.of(128, 64, 1));
    assertArrayEquals(new int[] {0}, BatchBounds.of(0, 64, 1));
  }

  @Test
  void shortLastBatchJoinsThePreviousOne() {
    assertArrayEquals(new int[] {0, 64, 130}, BatchBounds.of(130, 64, 3));
    assertArrayEquals(new int[] {0, 64, 130}, BatchBounds.of(130, 64, 31));
    assertArrayEquals(new int[] {0, 64, 128, 159}, BatchBounds.of(159, 64, 31));
    assertArrayEquals(new int[] {0, 64, 144}, BatchBounds.of(144, 64, 31));
  }

  @Test
  void splitBelowTheMinimumIsOneBatch() {
    assertArrayEquals(new int[] {0, 2}, BatchBounds.of(2, 64, 3));
  }

  @Test
  void badArgumentsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> BatchBounds.of(10, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> BatchBounds.of(10, 4, 0));
  }
}
