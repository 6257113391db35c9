package io.latentquery.sampling.propagate;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.neighbors.KdTree;

/**
 * Labels for a whole pool from a few: {@link LabelSpreading} over the {@link KnnGraph} of the
 * encodings. A point in a graph component that holds no label takes the class of the nearest
 * labeled point, with confidence 0, so every point has a class.
 */
public final class LabelPropagation {
  private LabelPropagation() {}

  /**
   * Every point's class and confidence.
   *
   * @param classes the class index of every point
   * @param confidence in [0, 1]; 1 for labeled points, 0 where no label reached
   * @param iterations spreading iterations run
   * @param converged whether spreading met its tolerance
   */
  public record Result(
      int[] classes, double[] confidence, int iterations, boolean converged, Stats stats) {}

  /**
   * Facts about a run worth recording.
   *
   * @param edges undirected edges of the graph
   * @param unreached points that took the nearest label because no label reached them
   */
  public record Stats(long edges, int unreached) {}

  public static Result run(Points points, KnownLabels labels, SpreadSettings settings) {
    return run(points, KnnGraph.of(points, settings.neighbors()), labels, settings);
  }

  /**
   * As {@link #run(Points, KnownLabels, SpreadSettings)} over a graph already built from {@code
   * points} with {@code settings.neighbors()} neighbours, so that many label sets can share it.
   */
  public static Result run(
      Points points, KnnGraph graph, KnownLabels labels, SpreadSettings settings) {
    if (graph.size() != points.count()) {
      throw new IllegalArgumentException(
          "the graph has " + graph.size() + " nodes for " + points.count() + " points");
    }
    LabelSpreading.Spread spread = LabelSpreading.spread(graph, labels, settings);
    int[] classes = spread.classes().clone();
    double[] confidence = spread.confidence().clone();
    int unreached = 0;
    KdTree labeled = null;
    int[] labeledIndices = labels.indices();
    int[] labeledClasses = labels.classes();
    for (int i = 0; i < classes.length; i++) {
      if (classes[i] >= 0) {
        continue;
      }
      if (labeled == null) {
        labeled = new KdTree(points.subset(labeledIndices));
      }
      int nearest = labeled.kNearest(points.point(i), 1, false).get(0).index();
      classes[i] = labeledClasses[nearest];
      confidence[i] = 0;
      unreached++;
    }
    return new Result(
        classes,
        confidence,
        spread.iterations(),
        spread.converged(),
        new Stats(graph.edgeCount(), unreached));
  }
}
