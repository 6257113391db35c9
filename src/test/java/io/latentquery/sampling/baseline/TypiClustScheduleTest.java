package io.latentquery.sampling.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TypiClustScheduleTest {
  @Test
  void servesLargestFirstInRoundsThenTheSmallClusters() {
    // Sizes 7, 10, 3, 7, 6 with min size 5: large 1 (10), 0 (7), 3 (7, id after 0), 4 (6); small 2.
    // Labeled: cluster 3 holds one, so it serves last of the large ones.
    int[] sizes = {7, 10, 3, 7, 6};
    int[] labeledIn = {0, 0, 0, 1, 0};
    TypiClustSchedule schedule = TypiClustSchedule.of(sizes, labeledIn, 5, 9);
    assertArrayEquals(new int[] {1, 0, 4, 3, 1, 0, 4, 3, 1}, schedule.clusters());
    assertEquals(4, schedule.largeClusters());
    assertEquals(0, schedule.fromSmall());
    assertArrayEquals(new int[] {2, 3, 0, 2, 2}, schedule.picksPerCluster(5));
  }

  @Test
  void anExhaustedClusterDropsOutAndSmallOnesServeLast() {
    // Two large clusters of 6 (one with 5 labeled: 1 free) and a small one of 2.
    int[] sizes = {6, 6, 2};
    int[] labeledIn = {5, 0, 0};
    TypiClustSchedule schedule = TypiClustSchedule.of(sizes, labeledIn, 5, 9);
    // Order: 1 (no labeled), 0; cluster 0 gives its one free member in round 1, then 1 alone.
    assertArrayEquals(new int[] {1, 0, 1, 1, 1, 1, 1, 2, 2}, schedule.clusters());
    assertEquals(2, schedule.fromSmall());
    assertThrows(
        IllegalArgumentException.class, () -> TypiClustSchedule.of(sizes, labeledIn, 5, 10));
  }

  @Test
  void assembleInterleavesEachClustersPicksInScheduleOrder() {
    TypiClustSchedule schedule = TypiClustSchedule.of(new int[] {8, 9}, new int[] {0, 0}, 5, 5);
    int[][] perCluster = {{10, 11}, {20, 21, 22}};
    assertArrayEquals(new int[] {20, 10, 21, 11, 22}, schedule.assemble(perCluster));
  }
}
