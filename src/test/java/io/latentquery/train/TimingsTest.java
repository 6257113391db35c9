package io.latentquery.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimingsTest {
  @Test
  void theMedianIsTheMiddleValueOrTheMeanOfTheMiddleTwo() {
    assertEquals(0.6, Timings.median(List.of(0.82, 0.5, 0.6)), 0);
    assertEquals(0.55, Timings.median(List.of(0.9, 0.5, 0.6, 0.1)), 1e-15);
    assertEquals(2.0, Timings.median(List.of(2.0)), 0);
    assertThrows(IllegalArgumentException.class, () -> Timings.median(List.of()));
  }

  @Test
  void theSpreadIsTheSlowestOverTheQuickest() {
    assertEquals(2.0, Timings.spread(List.of(0.4, 0.8, 0.5)), 1e-12);
    assertEquals(1.0, Timings.spread(List.of(0.3)), 0);
    assertThrows(IllegalArgumentException.class, () -> Timings.spread(List.of()));
  }
}
