package io.latentquery.model;

import io.latentquery.contract.SavedModelContract;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * An autoencoder composed of parts: the shared convolutional encoder trunk, a latent head (a point
 * or a Gaussian posterior), the shared decoder, and named loss terms. Every kind of {@link
 * ModelKind} is one of these with its own head and terms.
 *
 * <p>The training graph encodes the images, decodes the head's training code (the point, or a
 * reparameterised sample of the posterior) to logits, and builds each term in order in the {@code
 * loss} scope; its outputs are the encoder's and the reconstruction, the sigmoid of the logits.
 */
public final class Autoencoder implements AutoencoderModel {
  private final AutoencoderConfig config;
  private final ConvEncoder encoder;
  private final ConvDecoder decoder;
  private final LatentHead head;
  private final List<LossTerm> terms;

  /**
   * @param head the encoder's last layer
   * @param terms the loss terms, at least one, with distinct names, in metrics.csv order
   */
  public Autoencoder(AutoencoderConfig config, LatentHead head, List<LossTerm> terms) {
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("an autoencoder needs at least one loss term");
    }
    Set<String> names = new LinkedHashSet<>();
    for (LossTerm term : terms) {
      if (!names.add(term.name())) {
        throw new IllegalArgumentException(
            "loss term names must be distinct, got " + term.name() + " twice");
      }
    }
    this.config = config;
    this.encoder = new ConvEncoder(config);
    this.decoder = new ConvDecoder(config);
    this.head = head;
    this.terms = List.copyOf(terms);
  }

  @Override
  public AutoencoderConfig config() {
    return config;
  }

  public LatentHead head() {
    return head;
  }

  public List<LossTerm> terms() {
    return terms;
  }

  @Override
  public TrainingGraph training(Ops tf, ModelContext context, Operand<TFloat32> images) {
    Map<String, Operand<TFloat32>> encoded = encode(tf, context, images);
    Operand<TFloat32> code = head.trainingCode(tf, context, encoded);
    Operand<TFloat32> logits = decoder.logits(tf.withSubScope("decoder"), context, code);
    Ops loss = tf.withSubScope("loss");
    LossInputs inputs = new LossInputs(images, encoded, logits);
    Map<String, Operand<TFloat32>> values = new LinkedHashMap<>();
    for (LossTerm term : terms) {
      values.put(term.name(), term.build(tf, loss, context, inputs));
    }
    Map<String, Operand<TFloat32>> outputs = new LinkedHashMap<>(encoded);
    outputs.put(SavedModelContract.RECONSTRUCTION, tf.math.sigmoid(logits));
    return new TrainingGraph(values, outputs);
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
