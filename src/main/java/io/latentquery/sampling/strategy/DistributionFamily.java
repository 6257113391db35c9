package io.latentquery.sampling.strategy;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.distribution.LatentDistribution;
import io.latentquery.sampling.distribution.MultivariateNormal;
import io.latentquery.sampling.distribution.UniformBox;
import java.util.Locale;

/** The distribution f the draw-and-take strategies fit to the points (or to each cluster). */
public enum DistributionFamily {
  UNIFORM,
  NORMAL;

  public LatentDistribution fit(Points points) {
    return this == UNIFORM ? UniformBox.fit(points) : MultivariateNormal.fit(points);
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
