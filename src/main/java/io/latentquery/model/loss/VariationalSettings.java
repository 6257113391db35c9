package io.latentquery.model.loss;

import io.latentquery.SettingException;

/**
 * Settings of the variational term: {@code beta} times KL(N(mu, sigma^2) || N(0, I)) joins the
 * reconstruction loss (Kingma and Welling 2014; beta-VAE, Higgins et al. 2017, for beta != 1).
 *
 * <p>The ELBO pairs a KL per image with a reconstruction log-likelihood summed over the image's
 * values. The reconstruction loss here is a binary cross-entropy averaged over values and batch,
 * i.e. the summed one divided by the number of values per image D; the KL term must be divided by
 * the same D, or beta = 1 would weigh the prior D times (784 for MNIST) too strongly and collapse
 * the posterior onto the prior. {@link #klWeight(int)} gives that multiplier: {@code loss = BCE +
 * klWeight(D) * GaussianKlLoss}.
 *
 * @param beta the weight of the KL term relative to the summed reconstruction log-likelihood; 1 is
 *     the true ELBO, larger values trade reconstruction for a latent space closer to N(0, I), 0
 *     turns the KL term off; must be >= 0
 */
public record VariationalSettings(double beta) {
  /** The plain VAE objective (the ELBO). */
  public static final double DEFAULT_BETA = 1;

  public VariationalSettings {
    if (!(beta >= 0) || Double.isInfinite(beta)) {
      throw new SettingException("beta", "must be >= 0, got " + TsneSettings.format(beta));
    }
  }

  /** beta = {@value #DEFAULT_BETA}. */
  public static VariationalSettings defaults() {
    return new VariationalSettings(DEFAULT_BETA);
  }

  /**
   * The multiplier of {@link GaussianKlLoss} when the reconstruction loss is a mean over the {@code
   * valuesPerImage} values of each image (height * width * channels): beta / D.
   */
  public double klWeight(int valuesPerImage) {
    if (valuesPerImage < 1) {
      throw new IllegalArgumentException("values per image must be >= 1, got " + valuesPerImage);
    }
    return beta / valuesPerImage;
  }
}
