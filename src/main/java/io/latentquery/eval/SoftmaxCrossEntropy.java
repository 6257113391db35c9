package io.latentquery.eval;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Mean softmax cross-entropy of logits [batch, K] against class indices [batch]. The labels are
 * one-hot encoded for the dense op because the sparse op has no gradient in TensorFlow's C API.
 */
public final class SoftmaxCrossEntropy {
  private final int numClasses;

  public SoftmaxCrossEntropy(int numClasses) {
    this.numClasses = numClasses;
  }

  public Operand<TFloat32> call(Ops tf, Operand<TInt32> labels, Operand<TFloat32> logits) {
    Operand<TFloat32> oneHot =
        tf.oneHot(labels, tf.constant(numClasses), tf.constant(1f), tf.constant(0f));
    return tf.withName("loss")
        .math
        .mean(tf.nn.softmaxCrossEntropyWithLogits(logits, oneHot).loss(), tf.constant(0));
  }

  /**
   * The weighted mean: sum(w_i ce_i) / sum(w_i), so an example of weight 0.5 counts half as much as
   * one of weight 1.
   */
  public Operand<TFloat32> call(
      Ops tf, Operand<TInt32> labels, Operand<TFloat32> logits, Operand<TFloat32> weights) {
    Operand<TFloat32> oneHot =
        tf.oneHot(labels, tf.constant(numClasses), tf.constant(1f), tf.constant(0f));
    Operand<TFloat32> each = tf.nn.softmaxCrossEntropyWithLogits(logits, oneHot).loss();
    Operand<TFloat32> total = tf.reduceSum(tf.math.mul(weights, each), tf.constant(0));
    Operand<TFloat32> mass =
        tf.math.maximum(tf.reduceSum(weights, tf.constant(0)), tf.constant(1e-12f));
    return tf.withName("loss").math.div(total, mass);
  }
}
