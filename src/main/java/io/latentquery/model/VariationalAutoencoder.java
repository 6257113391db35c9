package io.latentquery.model;

import io.latentquery.contract.SavedModelContract;
import io.latentquery.model.loss.BinaryCrossEntropy;
import io.latentquery.model.loss.GaussianKlLoss;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The variational autoencoder (Kingma and Welling 2014): the encoder gives a Gaussian posterior
 * N(mu, diag(exp(logvar))), the decoder reconstructs a sample z of it during training, and the
 * encoding is mu at inference (exported as {@code latent}, with {@code latent_logvar} beside it).
 *
 * <p>Loss terms, both batch means, summed by the trainer: {@code reconstruction}, the binary
 * cross-entropy averaged over pixels, and {@code kl}, (beta / D) * KL(N(mu, sigma^2) || N(0, I))
 * with D = height * width * channels. Dividing by D makes the sum equal the textbook objective, BCE
 * summed over pixels + beta * KL, divided by D; without it beta = 1 would weigh the prior D times
 * too strongly. Both columns of metrics.csv hold the weighted values.
 */
public final class VariationalAutoencoder implements AutoencoderModel {
  /** The name of the weighted KL term, a column of metrics.csv. */
  public static final String KL_LOSS = "kl";

  private final AutoencoderConfig config;
  private final ConvEncoder encoder;
  private final ConvDecoder decoder;
  private final GaussianHead head;

  public VariationalAutoencoder(AutoencoderConfig config) {
    this.config = config;
    this.encoder = new ConvEncoder(config);
    this.decoder = new ConvDecoder(config);
    this.head = new GaussianHead(config.latentDim());
  }

  @Override
  public AutoencoderConfig config() {
    return config;
  }

  @Override
  public TrainingGraph training(Ops tf, ModelContext context, Operand<TFloat32> images) {
    Map<String, Operand<TFloat32>> posterior = encode(tf, context, images);
    Operand<TFloat32> mu = posterior.get(SavedModelContract.LATENT);
    Operand<TFloat32> logvar = posterior.get(SavedModelContract.LATENT_LOGVAR);
    Operand<TFloat32> z = GaussianSample.draw(tf, context, mu, logvar, config.latentDim());
    Operand<TFloat32> logits = decoder.logits(tf.withSubScope("decoder"), context, z);
    Ops loss = tf.withSubScope("loss");
    Map<String, Operand<TFloat32>> terms = new LinkedHashMap<>();
    terms.put(
        ConvAutoencoder.RECONSTRUCTION_LOSS, new BinaryCrossEntropy().call(loss, images, logits));
    terms.put(KL_LOSS, weightedKl(config, loss, mu, logvar));
    Map<String, Operand<TFloat32>> outputs = new LinkedHashMap<>(posterior);
    outputs.put(SavedModelContract.RECONSTRUCTION, tf.math.sigmoid(logits));
    return new TrainingGraph(terms, outputs);
  }

  /** (beta / D) * KL of the posterior against N(0, I), a scalar in {@code loss}. */
  static Operand<TFloat32> weightedKl(
      AutoencoderConfig config, Ops loss, Operand<TFloat32> mu, Operand<TFloat32> logvar) {
    float weight = (float) config.variational().klWeight(config.input().size());
    return loss.withName(KL_LOSS)
        .math
        .mul(loss.constant(weight), new GaussianKlLoss().call(loss, mu, logvar));
  }

  @Override
  public Map<String, Operand<TFloat32>> encode(
      Ops tf, ModelContext context, Operand<TFloat32> images) {
    Ops scope = tf.withSubScope("encoder");
    return head.apply(scope, context, encoder.features(scope, context, images));
  }

  @Override
  public Operand<TFloat32> decode(Ops tf, ModelContext context, Operand<TFloat32> latent) {
    return decoder.image(tf, context, latent);
  }
}
