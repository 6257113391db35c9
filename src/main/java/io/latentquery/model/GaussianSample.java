package io.latentquery.model;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The reparameterised posterior sample of a training graph, z = mu + eps * exp(logvar / 2) with eps
 * ~ N(0, I) (Kingma and Welling 2014), so the gradient reaches mu and logvar. The noise eps is a
 * placeholder fed from Java every batch, drawn from the batch's generator (seeded from the run's
 * seed, epoch and step), because TensorFlow's RandomStandardNormal has no gradient in TF Java and
 * an in-graph seed would not let a resumed run draw the same values. Validation batches draw noise
 * too, so the validation loss estimates the same objective (the negative ELBO) as the training
 * loss.
 */
final class GaussianSample {
  /** Name of the noise placeholder in the training graph. */
  static final String NOISE = "noise";

  private GaussianSample() {}

  /** z [B, L]; registers the noise feed with {@code context}. */
  static Operand<TFloat32> draw(
      Ops tf, ModelContext context, Operand<TFloat32> mu, Operand<TFloat32> logvar, int latentDim) {
    Operand<TFloat32> noise =
        context.feed(tf, NOISE, Shape.of(-1, latentDim), batch -> noise(batch, latentDim));
    Ops scope = tf.withSubScope("sample");
    Operand<TFloat32> sigma = scope.math.exp(scope.math.mul(logvar, scope.constant(0.5f)));
    return scope.withName("z").math.add(mu, scope.math.mul(noise, sigma));
  }

  /** B x L independent standard normal values from the batch's generator. */
  static FeedValue noise(Batch batch, int latentDim) {
    float[] values = new float[batch.size() * latentDim];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) batch.random().nextGaussian();
    }
    return new FeedValue(new long[] {batch.size(), latentDim}, values);
  }
}
