package io.latentquery.model;

import io.latentquery.model.loss.TsneAffinities;
import io.latentquery.model.loss.TsneKlLoss;
import io.latentquery.model.loss.TsneSettings;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The weighted t-SNE term w * KL(P||Q) of a training graph (parametric t-SNE, van der Maaten 2009).
 * P is computed in Java from each batch's images and fed as a [B, B] placeholder, so it always
 * describes exactly the images whose codes Q compares. A batch too small for the perplexity (fewer
 * than {@link TsneSettings#minimumBatchSize()} images) gets P = 0, which makes the term exactly 0
 * with a zero gradient: such a batch has no neighbourhoods to preserve. The trainer folds a short
 * last batch into the one before it, so this only happens when a whole data split (e.g. a tiny
 * validation set) is smaller than that.
 */
final class TsneTerm {
  /** Name of the affinity placeholder in the training graph. */
  static final String AFFINITIES = "tsne_p";

  private final TsneSettings settings;
  private final TsneAffinities affinities;

  TsneTerm(TsneSettings settings) {
    this.settings = settings;
    this.affinities = settings.affinities();
  }

  /**
   * w * KL(P||Q) of {@code codes} [B, L], a scalar built in {@code lossScope}; registers the P feed
   * with {@code context}.
   */
  Operand<TFloat32> weightedKl(
      Ops tf, Ops lossScope, ModelContext context, Operand<TFloat32> codes) {
    Operand<TFloat32> p = context.feed(tf, AFFINITIES, Shape.of(-1, -1), this::affinities);
    Operand<TFloat32> kl = new TsneKlLoss(settings.degreesOfFreedom()).call(lossScope, p, codes);
    return lossScope.withName("tsne").math.mul(lossScope.constant((float) settings.weight()), kl);
  }

  /** P of the batch, or zeros for a batch below the minimum size. */
  FeedValue affinities(Batch batch) {
    int b = batch.size();
    float[] p =
        b < settings.minimumBatchSize() ? new float[b * b] : affinities.joint(batch.images(), b);
    return new FeedValue(new long[] {b, b}, p);
  }
}
