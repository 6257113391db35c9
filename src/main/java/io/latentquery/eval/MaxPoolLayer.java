package io.latentquery.eval;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** 2x2 max-pooling with stride 2 and SAME padding: an odd size rounds up (7 -> 4). */
public final class MaxPoolLayer implements Layer {
  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> in) {
    return tf.nn.maxPool(in, tf.array(1, 2, 2, 1), tf.array(1, 2, 2, 1), "SAME");
  }

  /** The output size of one side of {@code size}. */
  public static int outputSize(int size) {
    return (size + 1) / 2;
  }
}
