package io.latentquery.sampling.strategy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.InputException;
import io.latentquery.inference.Encodings;
import io.latentquery.inference.ReconstructionError;
import io.latentquery.sampling.Points;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.SelectionStrategy;
import io.latentquery.sampling.cluster.Quotas;
import io.latentquery.sampling.cluster.WardMode;
import io.latentquery.sampling.neighbors.KdTree;
import io.latentquery.sampling.neighbors.Metric;
import io.latentquery.sampling.propagate.KnownLabels;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StrategiesTest {
  private static final StrategyRegistry REGISTRY = StrategyRegistry.standard();

  /**
   * Three separated blobs in 2-D: blob b holds points b*perBlob .. (b+1)*perBlob-1 around (0,0),
   * (100,0) and (0,100); sizes may differ.
   */
  static Points blobs(int[] sizes, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int total = Arrays.stream(sizes).sum();
    double[][] rows = new double[total][];
    int i = 0;
    for (int b = 0; b < sizes.length; b++) {
      for (int j = 0; j < sizes[b]; j++) {
        rows[i++] =
            new double[] {
              (b == 1 ? 100 : 0) + rng.nextGaussian(), (b == 2 ? 100 : 0) + rng.nextGaussian()
            };
      }
    }
    return Points.of(rows);
  }

  static int blobOf(int index, int[] sizes) {
    int b = 0;
    for (int end = sizes[0]; index >= end; end += sizes[++b]) {
      // walks to the blob holding index
    }
    return b;
  }

  static SelectionStrategy strategy(String name, Map<String, String> options) {
    return REGISTRY.create(name, StrategyOptions.of(options));
  }

  static void assertDistinct(Selection selection) {
    Set<Integer> seen = new HashSet<>();
    for (int i : selection.indices()) {
      assertTrue(seen.add(i), "index " + i + " selected twice");
    }
  }

  @Test
  void drawStrategiesRecordTheDrawThatPickedEachPoint() {
    Points points = blobs(new int[] {200, 200, 200}, 5);
    for (String name : new String[] {"uniform", "normal", "uniform-cluster", "normal-cluster"}) {
      Selection selection =
          REGISTRY.create(name, StrategyOptions.none()).select(points, SelectionRequest.of(30, 7));
      double threshold = (Double) selection.parameters().get("threshold");
      assertEquals(30, selection.madeDraws().size(), name);
      for (int rank = 0; rank < selection.size(); rank++) {
        double[] draw = selection.draws()[rank];
        double distance = Math.sqrt(points.squaredDistance(selection.indices()[rank], draw));
        assertEquals(selection.drawDistances()[rank], distance, 1e-9, name + " rank " + rank);
        assertTrue(distance <= threshold, name + ": a draw takes only points within t");
      }
    }
    Selection random =
        REGISTRY.create("random", StrategyOptions.none()).select(points, SelectionRequest.of(5, 7));
    assertTrue(random.madeDraws().isEmpty());
  }

  @Test
  void normalClusterWithEqualQuotasTakesAsManyFromEachBlob() {
    int[] sizes = {300, 60, 140};
    Points points = blobs(sizes, 1);
    Selection selection =
        strategy("normal-cluster", Map.of("clusters", "3", "quota", "equal"))
            .select(points, SelectionRequest.of(12, 7));
    int[] perBlob = new int[3];
    for (int rank = 0; rank < selection.size(); rank++) {
      int blob = blobOf(selection.indices()[rank], sizes);
      perBlob[blob]++;
      assertEquals(
          blob,
          selection.clusters()[rank],
          "clusters are numbered by their first point, as the blobs are");
      assertEquals(rank % 3, selection.clusters()[rank], "ranks interleave the clusters");
      assertTrue(
          selection.drawDistances()[rank] <= (double) selection.parameters().get("threshold"));
    }
    assertArrayEquals(new int[] {4, 4, 4}, perBlob);
    assertDistinct(selection);
    assertEquals("exact", selection.parameters().get("ward"));
    assertArrayEquals(new int[] {4, 4, 4}, (int[]) selection.parameters().get("cluster_quotas"));
  }

  @Test
  void uniformClusterWithProportionalQuotasFollowsTheBlobSizes() {
    int[] sizes = {300, 60, 140};
    Points points = blobs(sizes, 2);
    // 10 * (300, 60, 140) / 500 = 6, 1.2, 2.8 -> floors 6, 1, 2 and the remainder to 0.8.
    Selection selection =
        strategy("uniform-cluster", Map.of("clusters", "3"))
            .select(points, SelectionRequest.of(10, 3));
    int[] perBlob = new int[3];
    for (int i : selection.indices()) {
      perBlob[blobOf(i, sizes)]++;
    }
    assertArrayEquals(new int[] {6, 1, 3}, perBlob);
  }

  @Test
  void aClusterTooSmallForItsQuotaGivesAllItsPoints() {
    int[] sizes = {100, 3, 100};
    Points points = blobs(sizes, 3);
    Selection selection =
        strategy("normal-cluster", Map.of("clusters", "3", "quota", "equal"))
            .select(points, SelectionRequest.of(30, 1));
    int[] perBlob = new int[3];
    for (int i : selection.indices()) {
      perBlob[blobOf(i, sizes)]++;
    }
    assertArrayEquals(new int[] {14, 3, 13}, perBlob);
    assertDistinct(selection);
  }

  @Test
  void aeErrorTakesTheHighestErrorsThatAreNotLabeled() {
    Points points = blobs(new int[] {4, 2, 2}, 4);
    double[] errors = {0.1, 0.9, 0.3, 0.9, 0.05, 0.7, 0.2, 0.6};
    SelectionStrategy aeError =
        REGISTRY.create("ae-error", StrategyOptions.none().withScores(errors));
    Selection byBce = aeError.select(points, SelectionRequest.of(3, 1));
    assertArrayEquals(new int[] {1, 3, 5}, byBce.indices());
    assertEquals(
        "bce", byBce.parameters().get("error"), "the default measure is the training loss");
    assertEquals(
        "l1",
        REGISTRY
            .create(
                "ae-error",
                StrategyOptions.of(Map.of("error", "l1"))
                    .withScores(errors, ReconstructionError.L1))
            .select(points, SelectionRequest.of(3, 1))
            .parameters()
            .get("error"));
    assertArrayEquals(
        new int[] {1, 5, 7},
        aeError.select(points, new SelectionRequest(3, 1, new int[] {3})).indices());
    IllegalArgumentException mismatch =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                REGISTRY.create(
                    "ae-error", StrategyOptions.of(Map.of("error", "l1")).withScores(errors)));
    assertEquals(
        "the reconstruction errors were measured by bce but strategy ae-error asks for --error l1",
        mismatch.getMessage());
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> REGISTRY.create("ae-error", StrategyOptions.none()));
    assertTrue(missing.getMessage().contains("--autoencoder"), missing.getMessage());
  }

  @Test
  void randomAndUniformNeverRepeatAndNeverTakeLabeledPoints() {
    Points points = blobs(new int[] {50, 50, 50}, 5);
    int[] labeled = {0, 1, 2, 60, 149};
    for (String name : new String[] {"random", "uniform", "normal"}) {
      Map<String, String> options = name.equals("random") ? Map.of() : Map.of("threshold", "1000");
      Selection all = strategy(name, options).select(points, new SelectionRequest(145, 9, labeled));
      assertEquals(145, all.size());
      assertDistinct(all);
      for (int i : labeled) {
        assertFalse(
            Arrays.stream(all.indices()).anyMatch(x -> x == i), name + " took labeled point " + i);
      }
    }
    Selection some = strategy("uniform", Map.of()).select(points, SelectionRequest.of(40, 9));
    assertDistinct(some);
  }

  @Test
  void takeAllWithinTakesWholeNeighbourhoodsNearestFirst() {
    // t = 3 around blobs of unit spread: a draw that lands in a blob has dozens of points within t,
    // far more than the budget of 25, so the order of the take decides which are chosen.
    Points points = blobs(new int[] {150, 150, 150}, 10);
    double t = 3;
    for (String name : new String[] {"uniform", "normal"}) {
      Selection selection =
          strategy(name, Map.of("threshold", Double.toString(t), "take", "all-within"))
              .select(points, SelectionRequest.of(25, 4));
      assertEquals("all-within", selection.parameters().get("take"));
      assertArrayEquals(bruteForceAllWithin(points, selection, t), selection.indices(), name);
      assertDistinct(selection);
      assertTrue(
          java.util.stream.IntStream.range(1, selection.size())
              .anyMatch(r -> Arrays.equals(selection.draws()[r], selection.draws()[r - 1])),
          name + ": some draw took several points");
    }
  }

  /**
   * Replays the draws that took points: each takes every point not yet taken within t, nearest
   * first (ties by index), until the budget is met; draws that took nothing changed nothing.
   */
  private static int[] bruteForceAllWithin(Points points, Selection selection, double t) {
    boolean[] taken = new boolean[points.count()];
    int[] expected = new int[selection.size()];
    int filled = 0;
    double[] previous = null;
    for (double[] draw : selection.draws()) {
      if (Arrays.equals(draw, previous)) {
        continue;
      }
      previous = draw;
      Integer[] order = new Integer[points.count()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      double[] d = new double[points.count()];
      for (int i = 0; i < d.length; i++) {
        d[i] = Math.sqrt(points.squaredDistance(i, draw));
      }
      Arrays.sort(order, (a, b) -> d[a] != d[b] ? Double.compare(d[a], d[b]) : a - b);
      for (int i : order) {
        if (filled < expected.length && !taken[i] && d[i] <= t) {
          taken[i] = true;
          expected[filled++] = i;
        }
      }
    }
    assertEquals(expected.length, filled, "the recorded draws account for every pick");
    return expected;
  }

  @Test
  void sameSeedSameSelectionOtherSeedAnotherUnlessTheStrategyIsMarkedDeterministic() {
    Points points = blobs(new int[] {200, 200, 200}, 6);
    Encodings encodings = new Encodings(points.toArray(), points.count(), 2, ids(600), null);
    SelectionService service = new SelectionService(REGISTRY);
    double[] errors = new double[600];
    for (int i = 0; i < errors.length; i++) {
      errors[i] = (i * 7919) % 600;
    }
    for (String name : REGISTRY.names()) {
      StrategyRegistry.Entry entry = REGISTRY.require(name);
      StrategyOptions options =
          entry.needsReconstructionError()
              ? StrategyOptions.none().withScores(errors)
              : StrategyOptions.none();
      if (entry.needsKnownLabels()) {
        // One labeled point in each blob, so the labels have something to spread.
        options =
            options.withKnownLabels(
                new KnownLabels(
                    new int[] {0, 200, 400}, new int[] {0, 1, 2}, List.of("a", "b", "c")));
      }
      Selection a =
          service.select(name, options, encodings, SelectionRequest.of(20, 42)).selection();
      Selection b =
          service.select(name, options, encodings, SelectionRequest.of(20, 42)).selection();
      Selection c =
          service.select(name, options, encodings, SelectionRequest.of(20, 43)).selection();
      assertArrayEquals(a.indices(), b.indices(), name);
      assertArrayEquals(a.drawDistances(), b.drawDistances(), name);
      assertEquals(entry.usesSeed(), a.parameters().get(SelectionService.USES_SEED), name);
      assertEquals(
          entry.usesSeed(),
          !Arrays.equals(a.indices(), c.indices()),
          name + ": seed use as marked");
    }
    assertEquals(
        List.of("ward-centre", "ae-error"),
        REGISTRY.entries().stream().filter(e -> !e.usesSeed()).map(e -> e.name()).toList(),
        "the deterministic strategies");
  }

  @Test
  void kcenterUsesTheSeedOnlyForItsColdStart() {
    Points points = blobs(new int[] {200, 200, 200}, 6);
    Encodings encodings = new Encodings(points.toArray(), points.count(), 2, ids(600), null);
    SelectionService service = new SelectionService(REGISTRY);
    int[] labeled = {3, 250};
    Selection warm =
        service
            .select(
                "kcenter", StrategyOptions.none(), encodings, new SelectionRequest(10, 1, labeled))
            .selection();
    Selection otherSeed =
        service
            .select(
                "kcenter", StrategyOptions.none(), encodings, new SelectionRequest(10, 2, labeled))
            .selection();
    assertArrayEquals(warm.indices(), otherSeed.indices(), "from labeled points, no seed");
    assertEquals(false, warm.parameters().get(SelectionService.USES_SEED));
    Selection fromMean =
        service
            .select(
                "kcenter",
                StrategyOptions.of(Map.of("kcenter-start", "mean")),
                encodings,
                SelectionRequest.of(10, 1))
            .selection();
    assertEquals(false, fromMean.parameters().get(SelectionService.USES_SEED));
  }

  private static List<String> ids(int count) {
    return IntStream.range(0, count).mapToObj(i -> "p" + i).toList();
  }

  @Test
  void normalWorksOnASingularCovariance() {
    double[][] line = new double[50][];
    for (int i = 0; i < 50; i++) {
      line[i] = new double[] {i, 2 * i};
    }
    Selection onLine =
        strategy("normal", Map.of()).select(Points.of(line), SelectionRequest.of(10, 1));
    assertDistinct(onLine);
    Selection single =
        strategy("normal", Map.of())
            .select(Points.of(new double[][] {{3, 4}}), SelectionRequest.of(1, 1));
    assertArrayEquals(new int[] {0}, single.indices());
    Selection same =
        strategy("uniform", Map.of())
            .select(Points.of(new double[][] {{1, 1}, {1, 1}}), SelectionRequest.of(2, 1));
    assertEquals(2, same.size());
  }

  @Test
  void aThresholdTooSmallStopsWithASuggestion() {
    Points points = blobs(new int[] {100, 100, 100}, 7);
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                strategy("uniform", Map.of("threshold", "0.000001", "max-misses", "500"))
                    .select(points, SelectionRequest.of(10, 1)));
    assertTrue(e.getMessage().contains("500 draws in a row"), e.getMessage());
    assertTrue(e.getMessage().contains("try --threshold "), e.getMessage());
    double suggested =
        Double.parseDouble(e.getMessage().replaceAll(".*try --threshold ([0-9.E-]+).*", "$1"));
    Selection retried =
        strategy("uniform", Map.of("threshold", Double.toString(suggested)))
            .select(points, SelectionRequest.of(10, 1));
    assertEquals(10, retried.size());
  }

  @Test
  void defaultThresholdIsTheMedianTenthNeighbourDistance() {
    // 1-D points 0..99: an inner point's neighbours lie at 1,1,2,2,...,5,5, so its 10th is at 5;
    // only the ten points nearest the ends are farther, so the median is 5.
    double[][] rows = new double[100][];
    for (int i = 0; i < 100; i++) {
      rows[i] = new double[] {i};
    }
    Points points = Points.of(rows);
    assertEquals(5.0, Threshold.fromData(points, new KdTree(points), 1), 0);
    assertEquals(5.0, Threshold.fromData(points, new KdTree(points, Metric.CHEBYSHEV), 1), 0);
    Selection selection = strategy("uniform", Map.of()).select(points, SelectionRequest.of(5, 1));
    assertEquals(5.0, selection.parameters().get("threshold"));
  }

  @Test
  void badRequestsAndOptionsAreUsageErrors() {
    Points points = blobs(new int[] {3, 3, 3}, 8);
    IllegalArgumentException tooMany =
        assertThrows(
            IllegalArgumentException.class,
            () -> strategy("random", Map.of()).select(points, SelectionRequest.of(10, 1)));
    assertTrue(tooMany.getMessage().contains("larger than the 9 selectable"), tooMany.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SelectionRequest.of(0, 1));
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> strategy("no-such-strategy", Map.of()));
    assertTrue(
        unknown
            .getMessage()
            .startsWith("unknown strategy 'no-such-strategy'; known: random, uniform"),
        unknown.getMessage());
    IllegalArgumentException misplaced =
        assertThrows(
            IllegalArgumentException.class, () -> strategy("random", Map.of("clusters", "4")));
    assertEquals("--clusters does not apply to strategy random", misplaced.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> strategy("normal", Map.of("threshold", "-1")));
    assertThrows(
        IllegalArgumentException.class, () -> strategy("normal-cluster", Map.of("ward", "fast")));
  }

  @Test
  void approximateWardModeIsRecorded() {
    Points points = blobs(new int[] {400, 400, 400}, 9);
    Selection selection =
        new ClusterDistributionStrategy(
                DistributionFamily.NORMAL,
                DrawSettings.defaults(),
                new ClusterSettings(3, WardMode.APPROX, 50, Quotas.Rule.EQUAL))
            .select(points, SelectionRequest.of(9, 1));
    assertEquals("approx", selection.parameters().get("ward"));
    assertEquals(50, selection.parameters().get("ward_centroids"));
    int[] perBlob = new int[3];
    for (int i : selection.indices()) {
      perBlob[i / 400]++;
    }
    assertArrayEquals(new int[] {3, 3, 3}, perBlob);
  }
}
