package io.latentquery.model;

import io.latentquery.contract.SavedModelContract;
import io.latentquery.model.loss.BinaryCrossEntropy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The parametric t-SNE autoencoder (van der Maaten 2009, with a reconstruction term): the
 * deterministic encoder and decoder of {@link ConvAutoencoder}, trained so that the latent codes of
 * each batch also keep the batch's input-space neighbourhoods. Loss terms, summed by the trainer:
 * {@code reconstruction}, the binary cross-entropy averaged over pixels and batch, and {@code
 * tsne}, w * KL(P||Q) with P the perplexity-calibrated affinities of the batch images (computed in
 * Java) and Q the Student-t affinities of their codes. Batches need more images than the
 * perplexity; see {@link AutoencoderConfig#minimumBatchSize()}.
 */
public final class TsneAutoencoder implements AutoencoderModel {
  /** The name of the weighted t-SNE term, a column of metrics.csv. */
  public static final String TSNE_LOSS = "tsne";

  private final AutoencoderConfig config;
  private final ConvEncoder encoder;
  private final ConvDecoder decoder;
  private final PointHead head;
  private final TsneTerm tsne;

  public TsneAutoencoder(AutoencoderConfig config) {
    this.config = config;
    this.encoder = new ConvEncoder(config);
    this.decoder = new ConvDecoder(config);
    this.head = new PointHead(config.latentDim());
    this.tsne = new TsneTerm(config.tsne());
  }

  @Override
  public AutoencoderConfig config() {
    return config;
  }

  @Override
  public TrainingGraph training(Ops tf, ModelContext context, Operand<TFloat32> images) {
    Operand<TFloat32> latent = encode(tf, context, images).get(SavedModelContract.LATENT);
    Operand<TFloat32> logits = decoder.logits(tf.withSubScope("decoder"), context, latent);
    Ops loss = tf.withSubScope("loss");
    Map<String, Operand<TFloat32>> terms = new LinkedHashMap<>();
    terms.put(
        ConvAutoencoder.RECONSTRUCTION_LOSS, new BinaryCrossEntropy().call(loss, images, logits));
    terms.put(TSNE_LOSS, tsne.weightedKl(tf, loss, context, latent));
    Map<String, Operand<TFloat32>> outputs = new LinkedHashMap<>();
    outputs.put(SavedModelContract.LATENT, latent);
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
