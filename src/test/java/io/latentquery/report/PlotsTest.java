package io.latentquery.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.contract.Metrics;
import io.latentquery.sampling.Points;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {
  @TempDir Path dir;
  private final PlotOptions options = PlotOptions.DEFAULT;

  /** Three classes around three centres in R^dim. */
  static Points blobs(int n, int dim, long seed) {
    Random random = new Random(seed);
    double[] values = new double[n * dim];
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < dim; d++) {
        values[i * dim + d] = (i % 3) * 3.0 * (d == i % dim ? 1 : 0) + random.nextGaussian() * 0.5;
      }
    }
    return new Points(values, n, dim);
  }

  static int[] labels(int n) {
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
    }
    return labels;
  }

  static final List<String> NAMES = List.of("zero", "one", "two");

  @Test
  void encodingsByClassIsAReadablePicture() throws Exception {
    Projection2D p = Projections.firstTwo(blobs(300, 2, 1));
    BufferedImage image =
        ScatterPlots.encodings(p, new ClassLabels(labels(300), NAMES), "Encodings", options);
    BufferedImage read = PictureAssertions.roundTrip(dir, "encodings", image, 800, 600);
    assertTrue(
        PictureAssertions.count(read, Palette.color(0).getRGB() & 0xFFFFFF) > 0,
        "class 0 colour is drawn");
    assertTrue(
        PictureAssertions.count(read, Palette.color(2).getRGB() & 0xFFFFFF) > 0,
        "class 2 colour is drawn");
  }

  @Test
  void unlabeledEncodingsAndOtherSizes() throws Exception {
    Projection2D p = Projections.firstTwo(blobs(50, 2, 2));
    BufferedImage image =
        ScatterPlots.encodings(p, ClassLabels.NONE, "Unlabeled", options.withSize(640, 480));
    PictureAssertions.roundTrip(dir, "unlabeled", image, 640, 480);
  }

  @Test
  void oneDimensionalLatentSpaceIsDrawnOnALine() throws Exception {
    Projection2D p = Projections.firstTwo(blobs(40, 1, 3));
    assertEquals(0.0, p.y()[7]);
    PictureAssertions.roundTrip(
        dir, "line", ScatterPlots.encodings(p, ClassLabels.NONE, "1-D", options), 800, 600);
  }

  @Test
  void largePoolsAreSubsampledAndTheTitleSaysSo() {
    assertEquals(" (100 of 25,000 points, random subsample)", ScatterPlots.shownNote(100, 25_000));
    assertEquals(" (25 points)", ScatterPlots.shownNote(25, 25));
    int[] kept = {5, 17, 9_999};
    int[] a = Subsample.indices(10_000, 100, 7, kept);
    int[] b = Subsample.indices(10_000, 100, 7, kept);
    assertArrayEquals(a, b, "same seed, same subsample");
    assertEquals(100, a.length);
    for (int k : kept) {
      assertTrue(
          java.util.Arrays.binarySearch(a, k) >= 0, "kept index " + k + " is in the subsample");
    }
    for (int i = 1; i < a.length; i++) {
      assertTrue(a[i] > a[i - 1], "ascending and distinct");
    }
    assertTrue(
        !java.util.Arrays.equals(a, Subsample.indices(10_000, 100, 8, kept)),
        "another seed, another subsample");
    assertArrayEquals(new int[] {0, 1, 2}, Subsample.indices(3, 10, 0, new int[0]));
  }

  @Test
  void subsampledScatterOfALargePool() throws Exception {
    Points points = blobs(30_000, 2, 4);
    PlotOptions capped = new PlotOptions(800, 600, 2_000, 0);
    BufferedImage image =
        ScatterPlots.encodings(
            Projections.firstTwo(points), new ClassLabels(labels(30_000), NAMES), "Big", capped);
    PictureAssertions.roundTrip(dir, "big", image, 800, 600);
  }

  @Test
  void pcaFindsTheDirectionOfLargestVariance() {
    // Points on the line z = t * (1, 2, 0) plus a small spread in z3: PC1 is that line.
    double[][] rows = new double[5][];
    for (int t = 0; t < 5; t++) {
      rows[t] = new double[] {t, 2.0 * t, (t % 2 == 0 ? 0.01 : -0.01)};
    }
    Projection2D p = Projections.pca(Points.of(rows));
    assertEquals("pca", p.name());
    assertTrue(
        p.xLabel().startsWith("PC1 (100.0% of variance)") || p.xLabel().startsWith("PC1 (99.9"),
        p.xLabel());
    double norm = Math.sqrt(5.0);
    for (int t = 0; t < 5; t++) {
      assertEquals((t - 2) * norm, p.x()[t], 1e-3, "PC1 coordinate of point " + t);
    }
  }

  @Test
  void pcaPlotOfHigherDimensionalEncodings() throws Exception {
    Projection2D p = Projections.pca(blobs(200, 5, 5));
    PictureAssertions.roundTrip(
        dir,
        "pca",
        ScatterPlots.encodings(p, new ClassLabels(labels(200), NAMES), "PCA", options),
        800,
        600);
  }

  @Test
  void selectionOverlayWithClustersPoolClustersAndWithout() throws Exception {
    Projection2D p = Projections.firstTwo(blobs(400, 2, 6));
    int[] selected = {3, 50, 120, 200, 399};
    Highlight clustered = new Highlight("selected", selected, new int[] {0, 1, 1, 2, 0}, "cluster");
    BufferedImage byCluster =
        ScatterPlots.overlay(
            p, new ClassLabels(labels(400), NAMES), null, clustered, "Selection", options);
    BufferedImage read = PictureAssertions.roundTrip(dir, "selection", byCluster, 800, 600);
    assertTrue(
        PictureAssertions.count(read, 0x000000) > 0, "highlighted markers are outlined in black");

    int[] poolClusters = new int[400];
    for (int i = 0; i < 400; i++) {
      poolClusters[i] = i % 3;
    }
    PictureAssertions.roundTrip(
        dir,
        "pool-clusters",
        ScatterPlots.overlay(
            p, ClassLabels.NONE, poolClusters, clustered, "Pool clusters", options),
        800,
        600);
    BufferedImage plain =
        ScatterPlots.overlay(
            p, ClassLabels.NONE, null, Highlight.of("hard", selected), "Hard", options);
    BufferedImage plainRead = PictureAssertions.roundTrip(dir, "hard", plain, 800, 600);
    assertTrue(
        PictureAssertions.count(plainRead, Palette.HIGHLIGHT.getRGB() & 0xFFFFFF) > 0,
        "highlight colour is drawn");

    int[] many = new int[40];
    int[] groups = new int[40];
    for (int i = 0; i < 40; i++) {
      many[i] = i * 10;
      groups[i] = i;
    }
    PictureAssertions.roundTrip(
        dir,
        "many-clusters",
        ScatterPlots.overlay(
            p,
            ClassLabels.NONE,
            null,
            new Highlight("selected", many, groups, "cluster"),
            "40 clusters",
            options),
        800,
        600);
  }

  @Test
  void overlayRejectsIndicesOutsideThePool() {
    Projection2D p = Projections.firstTwo(blobs(10, 2, 7));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ScatterPlots.overlay(
                    p,
                    ClassLabels.NONE,
                    null,
                    Highlight.of("selected", new int[] {10}),
                    "t",
                    options));
    assertEquals("selected index 10 is outside the pool of 10 points", e.getMessage());
  }

  @Test
  void classHistogramCountsAndPicture() throws Exception {
    ClassLabels classes = new ClassLabels(new int[] {0, 0, 0, 1, 1, 2, -1}, NAMES);
    ClassHistogram h = ClassHistogram.of(classes, new int[] {0, 5, 6});
    assertEquals(List.of("zero", "one", "two", "unknown"), h.classes());
    assertArrayEquals(new long[] {3, 2, 1, 1}, h.pool());
    assertArrayEquals(new long[] {1, 0, 1, 1}, h.selected());
    PictureAssertions.roundTrip(
        dir, "histogram", BarPlots.classHistogram(h, "Classes", options), 800, 600);

    ClassHistogram fromJson =
        ClassHistogram.of(
            new java.util.LinkedHashMap<>(java.util.Map.of("a", 5L)), java.util.Map.of("b", 2L));
    assertEquals(List.of("a", "b"), fromJson.classes());
    assertArrayEquals(new long[] {5, 0}, fromJson.pool());
    assertArrayEquals(new long[] {0, 2}, fromJson.selected());
  }

  @Test
  void trainingCurves() throws Exception {
    Metrics metrics =
        new Metrics(
            List.of("reconstruction", "kl"),
            List.of(
                new Metrics.Epoch(1, 0.9, new double[] {0.8, 0.1}, 0.95, 10, 5000),
                new Metrics.Epoch(2, 0.5, new double[] {0.42, 0.08}, 0.6, 10, 5000),
                new Metrics.Epoch(3, 0.3, new double[] {0.25, 0.05}, Double.NaN, 10, 5000)));
    PictureAssertions.roundTrip(dir, "loss", LinePlots.loss(metrics, "Loss", options), 800, 600);
    assertTrue(LinePlots.hasTerms(metrics));
    PictureAssertions.roundTrip(
        dir, "terms", LinePlots.lossTerms(metrics, "Terms", options), 800, 600);
    Metrics noTerms =
        new Metrics(List.of(), List.of(new Metrics.Epoch(1, 0.9, new double[0], 1.0, 1, 1)));
    assertTrue(!LinePlots.hasTerms(noTerms));
  }

  @Test
  void evaluationBarsWithErrorBars() throws Exception {
    List<EvaluationResult> results =
        List.of(
            new EvaluationResult("random", 10, "", 0.42, 0.05),
            new EvaluationResult("random", 100, "", 0.71, 0.03),
            new EvaluationResult("normal-cluster", 10, "", 0.55, 0.04),
            new EvaluationResult("normal-cluster", 100, "", 0.78, 0.02));
    PictureAssertions.roundTrip(
        dir, "evaluation", BarPlots.evaluation(results, "Accuracy", "accuracy", options), 800, 600);
    List<EvaluationResult> settings =
        List.of(
            new EvaluationResult("random", 10, "mnist", 0.42, 0.05),
            new EvaluationResult("random", 10, "fashion-mnist", 0.38, 0.05));
    PictureAssertions.roundTrip(
        dir,
        "evaluation-settings",
        BarPlots.evaluation(settings, "Accuracy", "accuracy", options),
        800,
        600);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new EvaluationResult("random", 10, "", 0.5, -0.1));
    assertEquals("std must be finite and >= 0, got -0.1", e.getMessage());
  }
}
