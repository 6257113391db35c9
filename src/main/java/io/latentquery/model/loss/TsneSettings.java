package io.latentquery.model.loss;

import io.latentquery.SettingException;

/**
 * Settings of the t-SNE term of a t-SNE-style autoencoder: the input-space affinities P come from a
 * perplexity calibration per batch, the latent-space affinities Q from a Student-t kernel, and
 * {@code weight} times KL(P||Q) is added to the reconstruction loss.
 *
 * @param perplexity the effective number of neighbours each image keeps in P (van der Maaten 2009);
 *     must be > 1 and, per batch, at most batch size - 1 (see {@link #checkBatchSize})
 * @param degreesOfFreedom the Student-t degrees of freedom {@code a} of Q; 1 is the Cauchy kernel
 *     of t-SNE, the 2009 parametric t-SNE paper also uses {@code a = L - 1} for an L-dimensional
 *     latent space (heavier tails give clusters more room); must be > 0
 * @param weight the multiplier {@code w} of KL(P||Q) in {@code loss = BCE + w * KL(P||Q)}, where
 *     BCE is the binary cross-entropy averaged over pixels and batch. The two terms live on
 *     different scales: the mean BCE is about 0.7 at the start and 0.1-0.3 at convergence on MNIST,
 *     while KL(P||Q) over a batch of 64 is O(1) (measured on MNIST batches of 64 at perplexity 30:
 *     0.9 to 2.0 for random 2-D embeddings of spread 1 to 20; it grows like log B with the batch
 *     size). What shapes the latent space is the ratio of their gradients at each latent point. The
 *     KL gradient on a point, (2(a+1)/a) sum_j (p_ij - q_ij) (z_i - z_j) / (1 + d_ij^2 / a),
 *     measured 0.4/B to 0.6/B in norm on those embeddings. The mean BCE's gradient on a latent
 *     point is that image's summed-BCE sensitivity (roughly 10-100 nats per latent unit for a 2-D
 *     latent) divided by B times the 784 pixels: about 0.01/B to 0.1/B. {@link #DEFAULT_WEIGHT} =
 *     0.1 puts the weighted t-SNE gradient (0.04/B-0.06/B) in the middle of that range and the
 *     weighted KL value (about 0.1) level with the BCE, so neither term drowns the other. The
 *     reference method's code weighted the mean BCE by 1e4 against KL, i.e. w = 1e-4, under which
 *     the t-SNE term is two to three orders weaker than reconstruction at the latent; tune w
 *     between 1e-4 and 1 once the model trains. Must be >= 0 (0 turns the t-SNE term off).
 */
public record TsneSettings(double perplexity, double degreesOfFreedom, double weight) {
  /**
   * The perplexity of van der Maaten's parametric t-SNE experiments, which calibrated P in batches
   * of 5,000. In batches of 2,000, 10 keeps about the same share of the batch; the README's tuned
   * command uses it (docs/benchmarks.md, "Embedding quality").
   */
  public static final double DEFAULT_PERPLEXITY = 30;

  /** The Cauchy kernel of t-SNE; right for a 2-D latent space (a = L - 1 = 1). */
  public static final double DEFAULT_DEGREES_OF_FREEDOM = 1;

  /**
   * Balances KL(P||Q) against a mean BCE (see {@code weight} above), and measured best of w in
   * {0.01, 0.1, 1, 10} by the 1-NN accuracy of the 2-D MNIST validation encoding (small preset,
   * 10,000 pool images, 5 epochs, batch 64, perplexity 30: 45.8%, 53.1%, 49.1%, 48.9%;
   * docs/benchmarks.md, "Embedding quality", raw outputs in results/bench/tsne-weight/). At batch
   * 64 the batch size matters more than w: perplexity 30 spreads P over half the batch. For the
   * embedding alone, train with larger batches and a larger w (the README's tuned command: batch
   * 2,000, w = 100); 0.1 stays the default because it keeps the reconstructions that the ae-error
   * strategy and the report use.
   */
  public static final double DEFAULT_WEIGHT = 0.1;

  public TsneSettings {
    checkPerplexity(perplexity);
    checkDegreesOfFreedom(degreesOfFreedom);
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw new SettingException("weight", "t-SNE weight w", "must be >= 0, got " + format(weight));
    }
  }

  /** Perplexity 30, one degree of freedom, weight {@value #DEFAULT_WEIGHT}. */
  public static TsneSettings defaults() {
    return new TsneSettings(DEFAULT_PERPLEXITY, DEFAULT_DEGREES_OF_FREEDOM, DEFAULT_WEIGHT);
  }

  /**
   * Refuses a batch size for which the perplexity cannot be met, so a training run fails before its
   * first step rather than inside it.
   */
  public void checkBatchSize(int batchSize) {
    checkPerplexityForBatch(perplexity, batchSize);
  }

  /**
   * The fewest images a batch may hold under this perplexity: more than the perplexity (each image
   * has batch size - 1 neighbours) and at least 3.
   */
  public int minimumBatchSize() {
    return Math.max(3, (int) Math.ceil(perplexity + 1));
  }

  /** The input-space affinities P with this perplexity. */
  public TsneAffinities affinities() {
    return new TsneAffinities(perplexity);
  }

  /** The latent-space affinities Q with these degrees of freedom. */
  public StudentTAffinities studentT() {
    return new StudentTAffinities(degreesOfFreedom);
  }

  /** KL(P||Q) with these degrees of freedom (unweighted; multiply by {@code weight}). */
  public TsneKlLoss klLoss() {
    return new TsneKlLoss(degreesOfFreedom);
  }

  static void checkPerplexity(double perplexity) {
    if (!(perplexity > 1) || Double.isInfinite(perplexity)) {
      throw new SettingException("perplexity", "must be > 1, got " + format(perplexity));
    }
  }

  static void checkDegreesOfFreedom(double degreesOfFreedom) {
    if (!(degreesOfFreedom > 0) || Double.isInfinite(degreesOfFreedom)) {
      throw new SettingException(
          "degreesOfFreedom", "degrees of freedom", "must be > 0, got " + format(degreesOfFreedom));
    }
  }

  /**
   * Each image has batchSize - 1 neighbours, so a uniform row has perplexity batchSize - 1 and no
   * row can have more.
   */
  static void checkPerplexityForBatch(double perplexity, int batchSize) {
    if (batchSize < 3) {
      throw new SettingException("batchSize", "t-SNE batch size", "must be >= 3, got " + batchSize);
    }
    checkPerplexity(perplexity);
    if (perplexity > batchSize - 1) {
      throw new SettingException(
          "perplexity",
          format(perplexity)
              + " must be smaller than the batch size "
              + batchSize
              + " (at most "
              + (batchSize - 1)
              + ", the neighbours of each image)");
    }
  }

  /** 30 rather than 30.0 in messages, 2.5 stays 2.5. */
  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}
