package io.latentquery.model;

import io.latentquery.contract.SavedModelContract;
import io.latentquery.model.loss.BinaryCrossEntropy;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The deterministic convolutional autoencoder: a linear latent head and a cross-entropy loss. */
public final class ConvAutoencoder implements AutoencoderModel {
  /** The name of the single loss term, a column of metrics.csv. */
  public static final String RECONSTRUCTION_LOSS = "reconstruction";

  private final AutoencoderConfig config;
  private final ConvEncoder encoder;
  private final ConvDecoder decoder;
  private final PointHead head;

  public ConvAutoencoder(AutoencoderConfig config) {
    this.config = config;
    this.encoder = new ConvEncoder(config);
    this.decoder = new ConvDecoder(config);
    this.head = new PointHead(config.latentDim());
  }

  @Override
  public AutoencoderConfig config() {
    return config;
  }

  @Override
  public TrainingGraph training(Ops tf, ModelContext context, Operand<TFloat32> images) {
    Operand<TFloat32> latent = encode(tf, context, images).get(SavedModelContract.LATENT);
    Operand<TFloat32> logits = decoder.logits(tf.withSubScope("decoder"), context, latent);
    Operand<TFloat32> loss = new BinaryCrossEntropy().call(tf.withSubScope("loss"), images, logits);
    return new TrainingGraph(
        Map.of(RECONSTRUCTION_LOSS, loss),
        Map.of(
            SavedModelContract.LATENT,
            latent,
            SavedModelContract.RECONSTRUCTION,
            tf.math.sigmoid(logits)));
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
