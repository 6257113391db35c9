package io.latentquery.sampling.strategy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.InputException;
import io.latentquery.sampling.Points;
import io.latentquery.sampling.distribution.LatentDistribution;
import io.latentquery.sampling.neighbors.KdTree;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Algorithm 1's draw-and-take step, driven by a fixed sequence of draws. */
class DrawLoopTest {
  /** 1-D points: 0 -> 0, 1 -> 0.3, 2 -> 0.5, 3 -> 2, 4 -> 10. */
  private static final Points LINE = Points.of(new double[][] {{0}, {0.3}, {0.5}, {2}, {10}});

  /** Draws the given values in turn, then again from the first, and ignores the generator. */
  private static final class Fixed implements LatentDistribution {
    private final double[] values;
    private int next;

    Fixed(double... values) {
      this.values = values;
    }

    @Override
    public int dim() {
      return 1;
    }

    @Override
    public void sample(RandomGenerator rng, double[] out) {
      out[0] = values[next++ % values.length];
    }

    @Override
    public Map<String, Object> describe() {
      return Map.of();
    }
  }

  private static int[] indices(List<DrawLoop.Pick> picks) {
    return picks.stream().mapToInt(DrawLoop.Pick::index).toArray();
  }

  @Test
  void eachDrawTakesTheNearestUnselectedPointWithinTheThreshold() {
    // With t = 1 a draw at 0.45 has points 2 (0.05 away), 1 (0.15) and 0 (0.45) within t: the
    // first such draw takes 2, the next 1, the next 0; a fourth finds only point 3 at 1.55 > t and
    // takes nothing; the draw at 2.2 then takes point 3. Point 4 is never within t of a draw.
    DrawLoop loop =
        new DrawLoop(
            new KdTree(LINE),
            new Fixed(0.45, 0.45, 0.45, 0.45, 2.2),
            new DrawLoop.Config(1, TakeMode.NEAREST, 10));
    List<DrawLoop.Pick> picks = loop.take(4, new SplittableRandom(1), "test");
    assertArrayEquals(new int[] {2, 1, 0, 3}, indices(picks));
    assertArrayEquals(
        new double[] {0.05, 0.15, 0.45, 0.2},
        picks.stream().mapToDouble(DrawLoop.Pick::distance).toArray(),
        1e-12);
    assertArrayEquals(new double[] {2.2}, picks.get(3).draw());
    assertEquals(5, loop.draws(), "the empty fourth draw counts as a draw");
  }

  @Test
  void aSelectedPointIsNeverTakenAgainAndNoPointOutsideTheThresholdIsTaken() {
    // Every draw lands on point 2; once it is taken, the next draws take 1 and then 0 (0.5 away, on
    // the threshold); afterwards 3 (1.5 away) and 4 are outside t, so the loop stops after its miss
    // limit with 3 of 4 taken instead of taking either of them.
    KdTree tree = new KdTree(LINE);
    DrawLoop loop =
        new DrawLoop(tree, new Fixed(0.5), new DrawLoop.Config(0.5, TakeMode.NEAREST, 3));
    InputException e =
        assertThrows(InputException.class, () -> loop.take(4, new SplittableRandom(1), "test"));
    assertTrue(e.getMessage().contains("(3 of 4 taken)"), e.getMessage());
    assertTrue(tree.isRemoved(0) && tree.isRemoved(1) && tree.isRemoved(2));
    assertTrue(!tree.isRemoved(3) && !tree.isRemoved(4), "points outside t stay unselected");
  }

  @Test
  void takeAllWithinTakesTheNeighbourhoodNearestFirstUpToTheQuota() {
    DrawLoop loop =
        new DrawLoop(
            new KdTree(LINE), new Fixed(0.45, 9.5), new DrawLoop.Config(1, TakeMode.ALL_WITHIN, 5));
    assertArrayEquals(new int[] {2, 1}, indices(loop.take(2, new SplittableRandom(1), "test")));
    // The next call continues with the remaining draw sequence: 0.45 is used up, 9.5 takes 4.
    assertArrayEquals(new int[] {4}, indices(loop.take(1, new SplittableRandom(1), "test")));
  }
}
