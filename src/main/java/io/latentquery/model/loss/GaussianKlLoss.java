package io.latentquery.model.loss;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * KL(N(mu, diag(exp(logvar))) || N(0, I)) of a VAE posterior, in nats per image: -1/2
 * sum_over_latent (1 + logvar - mu^2 - exp(logvar)), averaged over the batch (Kingma and Welling
 * 2014, appendix B). The encoder predicts the log-variance rather than sigma so the head is
 * unconstrained. Weigh it with {@link VariationalSettings#klWeight(int)} when the reconstruction
 * loss is a mean over pixels. Stateless.
 */
public final class GaussianKlLoss {
  /**
   * @param mu posterior means, shape [B, L]
   * @param logvar posterior log-variances, shape [B, L]
   * @return the batch mean of the per-image KL, a scalar
   */
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> mu, Operand<TFloat32> logvar) {
    Ops s = tf.withSubScope("gaussian_kl");
    Operand<TFloat32> terms =
        s.math.sub(
            s.math.sub(s.math.add(s.constant(1f), logvar), s.math.square(mu)), s.math.exp(logvar));
    Operand<TFloat32> perImage = s.reduceSum(terms, s.constant(1));
    return s.math.mul(s.constant(-0.5f), s.math.mean(perImage, s.constant(0)));
  }
}
