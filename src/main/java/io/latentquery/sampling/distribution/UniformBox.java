package io.latentquery.sampling.distribution;

import io.latentquery.sampling.Points;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The uniform distribution over the axis-aligned bounding box of a set of points. A coordinate in
 * which every point agrees is drawn as that value.
 */
public final class UniformBox implements LatentDistribution {
  private final double[] min;
  private final double[] max;

  public UniformBox(double[] min, double[] max) {
    if (min.length != max.length || min.length == 0) {
      throw new IllegalArgumentException("box corners must have the same, positive dimension");
    }
    for (int d = 0; d < min.length; d++) {
      if (!(min[d] <= max[d])) {
        throw new IllegalArgumentException(
            "box minimum " + min[d] + " exceeds maximum " + max[d] + " in coordinate " + d);
      }
    }
    this.min = min.clone();
    this.max = max.clone();
  }

  /** The bounding box of {@code points} (at least one point). */
  public static UniformBox fit(Points points) {
    if (points.count() == 0) {
      throw new IllegalArgumentException("cannot fit a box to no points");
    }
    int dim = points.dim();
    double[] min = new double[dim];
    double[] max = new double[dim];
    java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < points.count(); i++) {
      for (int d = 0; d < dim; d++) {
        double v = points.get(i, d);
        min[d] = Math.min(min[d], v);
        max[d] = Math.max(max[d], v);
      }
    }
    return new UniformBox(min, max);
  }

  @Override
  public int dim() {
    return min.length;
  }

  @Override
  public void sample(RandomGenerator rng, double[] out) {
    for (int d = 0; d < min.length; d++) {
      out[d] = min[d] + rng.nextDouble() * (max[d] - min[d]);
    }
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("family", "uniform");
    out.put("min", min.clone());
    out.put("max", max.clone());
    return out;
  }
}
