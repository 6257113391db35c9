package io.latentquery.sampling.distribution;

import java.util.Map;
import java.util.random.RandomGenerator;

/** A distribution over the latent space, fitted to points, from which the samplers draw targets. */
public interface LatentDistribution {
  int dim();

  /** Writes one draw into {@code out} (length dim), using only {@code rng} for randomness. */
  void sample(RandomGenerator rng, double[] out);

  /** The fitted parameters, for the selection's record. */
  Map<String, Object> describe();
}
