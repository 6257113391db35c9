package io.latentquery.sampling.strategy;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.SelectionStrategy;
import io.latentquery.sampling.distribution.LatentDistribution;
import io.latentquery.sampling.neighbors.KdTree;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * {@code uniform} and {@code normal}: fit f to all pool encodings (a uniform box over their
 * bounding box, or N(mean, Cov) with full covariance), then draw z ~ f and take the nearest
 * unselected point within the threshold t of z until n are taken (see {@link DrawLoop}). t defaults
 * to {@link Threshold#RULE}.
 */
public final class DistributionStrategy implements SelectionStrategy {
  private final DistributionFamily family;
  private final DrawSettings draw;

  public DistributionStrategy(DistributionFamily family, DrawSettings draw) {
    this.family = family;
    this.draw = draw;
  }

  public static DistributionStrategy fromOptions(
      DistributionFamily family, StrategyOptions options) {
    return new DistributionStrategy(family, DrawSettings.fromOptions(options));
  }

  @Override
  public String name() {
    return family.label();
  }

  @Override
  public Selection select(Points points, SelectionRequest request) {
    request.checkAgainst(points.count());
    KdTree tree = new KdTree(points, draw.metric());
    double threshold =
        draw.threshold() != null
            ? draw.threshold()
            : Threshold.fromData(points, tree, request.seed());
    for (int i : request.alreadySelected()) {
      tree.remove(i);
    }
    LatentDistribution f = family.fit(points);
    int maxMisses = draw.maxMissesFor(request.budget());
    DrawLoop loop = new DrawLoop(tree, f, new DrawLoop.Config(threshold, draw.take(), maxMisses));
    List<DrawLoop.Pick> picks =
        loop.take(request.budget(), new SplittableRandom(request.seed()), name());
    int[] indices = picks.stream().mapToInt(DrawLoop.Pick::index).toArray();
    double[] distances = picks.stream().mapToDouble(DrawLoop.Pick::distance).toArray();
    int[] clusters = new int[indices.length];
    Arrays.fill(clusters, -1);
    Map<String, Object> parameters = new TreeMap<>();
    parameters.put("strategy", name());
    parameters.put("distribution", f.describe());
    parameters.put("draws", loop.draws());
    putDrawParameters(parameters, draw, threshold, maxMisses);
    double[][] drawn = picks.stream().map(DrawLoop.Pick::draw).toArray(double[][]::new);
    return new Selection(indices, distances, clusters, parameters).withDraws(drawn);
  }

  public static void putDrawParameters(
      Map<String, Object> parameters, DrawSettings draw, double threshold, int maxMisses) {
    parameters.put("threshold", threshold);
    parameters.put("threshold_source", draw.threshold() != null ? "--threshold" : Threshold.RULE);
    parameters.put("take", draw.take().label());
    parameters.put("metric", draw.metric().label());
    parameters.put("max_misses", maxMisses);
  }
}
