package io.latentquery.sampling.propagate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.SelectionStrategy;
import io.latentquery.sampling.strategy.StrategyOptions;
import io.latentquery.sampling.strategy.StrategyRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LeastConfidentStrategyTest {
  @Test
  void picksTheLeastConfidentOfEachUncertainRegionNotTheLowestScoresAlone() {
    // Region X at x = 0 (confidence 0.10..0.14), region Y at x = 10 (0.20..0.24), the rest at
    // x = 20 (0.9). The two least confident points are both in X; spread over space, the round
    // takes X's least confident (index 0) and Y's (index 5).
    double[][] rows = new double[20][];
    double[] confidence = new double[20];
    for (int i = 0; i < 20; i++) {
      double x = i < 5 ? 0 : i < 10 ? 10 : 20;
      rows[i] = new double[] {x + 0.01 * i, 0.02 * (i % 3)};
      confidence[i] = i < 5 ? 0.10 + 0.01 * i : i < 10 ? 0.20 + 0.01 * (i - 5) : 0.9;
    }
    LeastConfidentStrategy.Picks picks =
        LeastConfidentStrategy.pick(Points.of(rows), confidence, new boolean[20], 2, 5, 1);
    assertArrayEquals(new int[] {0, 5}, picks.indices());
    assertEquals(10, picks.candidates());
    assertTrue(picks.clusters()[0] != picks.clusters()[1]);
  }

  @Test
  void takenPointsAreNeverPickedAndAFactorOfOneIsPlainLeastConfident() {
    double[] confidence = {0.1, 0.2, 0.3, 0.4, 0.5};
    Points points = Points.of(new double[][] {{0}, {1}, {2}, {3}, {4}});
    boolean[] taken = {true, false, false, false, false};
    assertArrayEquals(
        new int[] {1, 2},
        LeastConfidentStrategy.pick(points, confidence, taken, 2, 1, 1).indices());
  }

  @Test
  void theNextRoundGoesToTheBorderBetweenTwoLabeledClasses() {
    // Two blobs of 100 points around x = 0 and x = 10 joined by a line of points between them;
    // three labels in each blob. Spread labels are least sure half-way, so the picks lie there.
    SplittableRandom random = new SplittableRandom(5);
    double[][] rows = new double[230][];
    for (int i = 0; i < 200; i++) {
      double centre = i < 100 ? 0 : 10;
      rows[i] = new double[] {centre + random.nextGaussian(), random.nextGaussian()};
    }
    for (int i = 200; i < 230; i++) {
      rows[i] = new double[] {2 + 6 * (i - 200) / 29.0, 0};
    }
    Points points = Points.of(rows);
    KnownLabels labels =
        new KnownLabels(
            new int[] {0, 1, 2, 100, 101, 102},
            new int[] {0, 0, 0, 1, 1, 1},
            List.of("left", "right"));
    SelectionStrategy strategy =
        StrategyRegistry.standard()
            .create(
                "least-confident",
                StrategyOptions.of(Map.of("neighbors", "6", "candidate-factor", "3"))
                    .withKnownLabels(labels));
    SelectionRequest request = new SelectionRequest(4, 9, labels.indices());
    Selection selection = strategy.select(points, request);
    assertEquals(4, selection.size());
    for (int index : selection.indices()) {
      assertTrue(index > 2 && (index < 100 || index > 102), "took labeled point " + index);
      assertTrue(Math.abs(rows[index][0] - 5) < 3, "point " + index + " at x = " + rows[index][0]);
    }
    assertArrayEquals(selection.indices(), strategy.select(points, request).indices());
    assertEquals(6, selection.parameters().get("neighbors"));
    assertEquals(12, selection.parameters().get("candidates"));
  }

  @Test
  void refusesToRunWithoutTheLabelsOfTheFirstRound() {
    SelectionStrategy strategy =
        StrategyRegistry.standard().create("least-confident", StrategyOptions.none());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> strategy.select(Points.of(new double[][] {{0}, {1}}), SelectionRequest.of(1, 1)));
    assertEquals(
        "least-confident needs the labels of the first round: --labeled FILE with id,label",
        e.getMessage());
  }

  @Test
  void aPoolComponentWithoutLabelsTakesTheNearestLabelWithConfidenceZero() {
    // Two tight pairs far apart and k = 1: the graph has two components, only one labeled.
    Points points = Points.of(new double[][] {{0}, {0.1}, {100}, {100.1}});
    KnownLabels labels = new KnownLabels(new int[] {0}, new int[] {1}, List.of("a", "b"));
    LabelPropagation.Result result =
        LabelPropagation.run(points, labels, new SpreadSettings(1, 0.9, 1000, 1e-9));
    assertArrayEquals(new int[] {1, 1, 1, 1}, result.classes());
    assertEquals(1.0, result.confidence()[0]);
    assertEquals(1.0, result.confidence()[1], 1e-12, "one class reached it: fully sure");
    assertTrue(Arrays.equals(new double[] {0, 0}, Arrays.copyOfRange(result.confidence(), 2, 4)));
    assertEquals(2, result.stats().unreached());
  }
}
