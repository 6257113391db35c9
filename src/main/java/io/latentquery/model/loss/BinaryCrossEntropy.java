package io.latentquery.model.loss;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Binary cross-entropy between targets z in [0,1] and logits x, averaged over every element (pixels
 * and batch). Uses max(x,0) - x*z + log(1+exp(-|x|)), which equals -z*log(sigmoid(x)) -
 * (1-z)*log(1-sigmoid(x)) but neither overflows nor takes log(0).
 */
public final class BinaryCrossEntropy {

  /** The mean loss, a scalar. {@code targets} and {@code logits} have the same shape. */
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> targets, Operand<TFloat32> logits) {
    Operand<TFloat32> positive = tf.math.maximum(logits, tf.constant(0f));
    Operand<TFloat32> softplus = tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(logits))));
    Operand<TFloat32> elementwise =
        tf.math.add(tf.math.sub(positive, tf.math.mul(logits, targets)), softplus);
    Operand<TFloat32> flat = tf.reshape(elementwise, tf.constant(new int[] {-1}));
    return tf.withName("bce").math.mean(flat, tf.constant(0));
  }
}
