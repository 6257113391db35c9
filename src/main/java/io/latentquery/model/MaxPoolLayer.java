package io.latentquery.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** 2x2 max-pooling with stride 2: halves height and width. */
public record MaxPoolLayer() implements Layer {
  @Override
  public Operand<TFloat32> apply(Ops tf, ModelContext context, Operand<TFloat32> input) {
    return tf.nn.maxPool(
        input, tf.constant(new int[] {1, 2, 2, 1}), tf.constant(new int[] {1, 2, 2, 1}), "VALID");
  }
}
