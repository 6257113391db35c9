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
}
