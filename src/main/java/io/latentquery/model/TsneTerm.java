package io.latentquery.model;

import io.latentquery.model.loss.TsneAffinities;
import io.latentquery.model.loss.TsneKlLoss;
import io.latentquery.model.loss.TsneSettings;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The t-SNE term of the t-SNE kinds (parametric t-SNE, van der Maaten 2009): w * KL(P||Q), with P
 * the perplexity-calibrated affinities of the batch images and Q the Student-t affinities of their
 * codes ({@code latent}: the posterior means for a Gaussian head, not the noisy samples). P is
 * computed in Java from each batch's images and fed as a [B, B] placeholder, so it always describes
 * exactly the images whose codes Q compares. A batch too small for the perplexity (fewer than
 * {@link TsneSettings#minimumBatchSize()} images) gets P = 0, which makes the term exactly 0 with a
 * zero gradient: such a batch has no neighbourhoods to preserve. The trainer folds a short last
 * batch into the one before it, so this only happens when a whole data split (e.g. a tiny
 * validation set) is smaller than that.
 */
public final class TsneTerm implements LossTerm {
  /** The term's metrics.csv column, which holds the weighted value. */
  public static final String NAME = "tsne";

  /** Name of the affinity placeholder in the training graph. */
  static final String AFFINITIES = "tsne_p";

  private final TsneSettings settings;
  private final TsneAffinities affinities;

  public TsneTerm(TsneSettings settings) {
    this.settings = settings;
    this.affinities = settings.affinities();
  }

  /** The term of {@code config}'s t-SNE settings. */
  public static TsneTerm of(AutoencoderConfig config) {
    if (config.tsne() == null) {
      throw new IllegalArgumentException("model " + config.kind() + " has no t-SNE settings");
    }
    return new TsneTerm(config.tsne());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Operand<TFloat32> build(Ops tf, Ops loss, ModelContext context, LossInputs inputs) {
    Operand<TFloat32> p = context.feed(tf, AFFINITIES, Shape.of(-1, -1), this::affinities);
    Operand<TFloat32> kl =
        new TsneKlLoss(settings.degreesOfFreedom()).call(loss, p, inputs.latent());
    return loss.withName(NAME).math.mul(loss.constant((float) settings.weight()), kl);
  }

  /** P of the batch, or zeros for a batch below the minimum size. */
  FeedValue affinities(Batch batch) {
    int b = batch.size();
    float[] p =
        b < settings.minimumBatchSize() ? new float[b * b] : affinities.joint(batch.images(), b);
    return new FeedValue(new long[] {b, b}, p);
  }
}
