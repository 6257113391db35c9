package io.latentquery.spark;

import io.latentquery.sampling.distribution.LatentDistribution;
import io.latentquery.sampling.distribution.MultivariateNormal;
import io.latentquery.sampling.distribution.UniformBox;
import io.latentquery.sampling.strategy.DistributionFamily;
import java.util.Arrays;
import org.apache.spark.api.java.JavaRDD;

/**
 * Fits the draw distribution to the points of some blocks (the whole pool, or one cluster) with
 * aggregates over the partitions: the bounding box (one pass; exactly the single-machine box), or
 * the mean and then the sample covariance of the centred points (two passes; equal to the
 * single-machine fit up to the order of the sums).
 */
final class DistributedFit {
  private DistributedFit() {}

  static LatentDistribution fit(DistributionFamily family, SparkPool pool) {
    return fit(family, pool.blocks(), pool.count(), pool.dim());
  }

  /** f fitted to the {@code count} points in R^dim of {@code blocks}. */
  static LatentDistribution fit(
      DistributionFamily family, JavaRDD<PointBlock> blocks, long count, int dim) {
    return family == DistributionFamily.UNIFORM ? box(blocks) : normal(blocks, count, dim);
  }

  private static UniformBox box(JavaRDD<PointBlock> blocks) {
    double[][] box = blocks.map(PointBlock::box).reduce(DistributedFit::widen);
    return new UniformBox(box[0], box[1]);
  }

  private static double[][] widen(double[][] a, double[][] b) {
    double[][] out = new double[2][a[0].length];
    for (int d = 0; d < out[0].length; d++) {
      out[0][d] = Math.min(a[0][d], b[0][d]);
      out[1][d] = Math.max(a[1][d], b[1][d]);
    }
    return out;
  }

  private static MultivariateNormal normal(JavaRDD<PointBlock> blocks, long n, int dim) {
    double[] sum = blocks.map(PointBlock::sum).reduce(DistributedFit::add);
    double[] mean = new double[dim];
    for (int d = 0; d < dim; d++) {
      mean[d] = sum[d] / Math.max(1, n);
    }
    double[][] covariance = new double[dim][dim];
    if (n >= 2) {
      double[] upper = blocks.map(block -> block.centredProducts(mean)).reduce(DistributedFit::add);
      int k = 0;
      for (int a = 0; a < dim; a++) {
        for (int b = a; b < dim; b++) {
          covariance[a][b] = upper[k++] / (n - 1);
          covariance[b][a] = covariance[a][b];
        }
      }
    }
    return new MultivariateNormal(mean, covariance);
  }

  private static double[] add(double[] a, double[] b) {
    double[] out = Arrays.copyOf(a, a.length);
    for (int i = 0; i < out.length; i++) {
      out[i] += b[i];
    }
    return out;
  }
}
