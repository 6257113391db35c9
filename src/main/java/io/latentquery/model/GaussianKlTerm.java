package io.latentquery.model;

import io.latentquery.contract.SavedModelContract;
import io.latentquery.model.loss.GaussianKlLoss;
import io.latentquery.model.loss.VariationalSettings;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The prior term of the variational kinds: (beta / D) * KL(N(mu, sigma^2) || N(0, I)), a batch
 * mean, with D = height * width * channels. Dividing by D makes the sum with the mean
 * reconstruction term equal the textbook objective, BCE summed over pixels + beta * KL, divided by
 * D; without it beta = 1 would weigh the prior D times too strongly (see {@link
 * VariationalSettings#klWeight(int)}).
 */
public final class GaussianKlTerm implements LossTerm {
  /** The term's metrics.csv column, which holds the weighted value. */
  public static final String NAME = "kl";

  private final float weight;

  /**
   * @param weight the multiplier of the KL in nats per image, beta / D
   */
  public GaussianKlTerm(double weight) {
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("KL weight must be >= 0, got " + weight);
    }
    this.weight = (float) weight;
  }

  /** The term of {@code config}'s variational settings and image size. */
  public static GaussianKlTerm of(AutoencoderConfig config) {
    if (config.variational() == null) {
      throw new IllegalArgumentException("model " + config.kind() + " has no variational settings");
    }
    return new GaussianKlTerm(config.variational().klWeight(config.input().size()));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Operand<TFloat32> build(Ops tf, Ops loss, ModelContext context, LossInputs inputs) {
    Operand<TFloat32> mu = inputs.latent();
    Operand<TFloat32> logvar = inputs.encoded(SavedModelContract.LATENT_LOGVAR);
    return loss.withName(NAME)
        .math
        .mul(loss.constant(weight), new GaussianKlLoss().call(loss, mu, logvar));
  }
}
