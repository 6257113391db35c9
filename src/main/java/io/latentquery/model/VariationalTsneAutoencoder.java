package io.latentquery.model;

import io.latentquery.contract.SavedModelContract;
import io.latentquery.model.loss.BinaryCrossEntropy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The variational t-SNE autoencoder: the head, sampling and KL term of {@link
 * VariationalAutoencoder} plus the t-SNE term of {@link TsneAutoencoder}, with Q computed on the
 * posterior means mu (the exported encoding), not on the noisy samples. Loss terms, summed by the
 * trainer: {@code reconstruction} (mean BCE), {@code kl} ((beta / D) * KL(N(mu, sigma^2) || N(0,
 * I))) and {@code tsne} (w * KL(P||Q)).
 */
public final class VariationalTsneAutoencoder implements AutoencoderModel {
  private final AutoencoderConfig config;
  private final ConvEncoder encoder;
  private final ConvDecoder decoder;
  private final GaussianHead head;
  private final TsneTerm tsne;

  public VariationalTsneAutoencoder(AutoencoderConfig config) {
    this.config = config;
    this.encoder = new ConvEncoder(config);
    this.decoder = new ConvDecoder(config);
    this.head = new GaussianHead(config.latentDim());
    this.tsne = new TsneTerm(config.tsne());
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
    terms.put(
        VariationalAutoencoder.KL_LOSS,
        VariationalAutoencoder.weightedKl(config, loss, mu, logvar));
    terms.put(TsneAutoencoder.TSNE_LOSS, tsne.weightedKl(tf, loss, context, mu));
    Map<String, Operand<TFloat32>> outputs = new LinkedHashMap<>(posterior);
    outputs.put(SavedModelContract.RECONSTRUCTION, tf.math.sigmoid(logits));
    return new TrainingGraph(terms, outputs);
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
