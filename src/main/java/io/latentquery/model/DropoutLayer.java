package io.latentquery.model;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Inverted dropout on [B, units] in training graphs; the identity elsewhere. The mask comes from a
 * placeholder filled in Java from the step's seeded generator, so a resumed run drops the same
 * units as an uninterrupted one (an in-graph random op restarts its sequence with each session).
 */
public record DropoutLayer(double rate) implements Layer {
  public DropoutLayer {
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("dropout must be in [0,1), got " + rate);
    }
  }

  @Override
  public Operand<TFloat32> apply(Ops tf, ModelContext context, Operand<TFloat32> input) {
    if (rate == 0 || !context.training()) {
      return input;
    }
    int units = (int) input.shape().get(1);
    float keep = (float) (1 - rate);
    Operand<TFloat32> mask =
        context.feed(tf, "mask", Shape.of(-1, units), batch -> mask(batch, units, keep));
    return tf.math.mul(input, mask);
  }

  private static FeedValue mask(Batch batch, int units, float keep) {
    float[] values = new float[batch.size() * units];
    for (int i = 0; i < values.length; i++) {
      values[i] = !batch.training() ? 1f : batch.random().nextDouble() < keep ? 1f / keep : 0f;
    }
    return new FeedValue(new long[] {batch.size(), units}, values);
  }
}
