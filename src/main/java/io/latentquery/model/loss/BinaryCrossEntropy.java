package io.latentquery.model.loss;

import org.tensorflow.Operand;
import org.tensorflow.framework.op.FrameworkOps;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Binary cross-entropy between targets z in [0,1] and logits x, averaged over every element (pixels
 * and batch). The elements come from tensorflow-framework's {@code sigmoidCrossEntropyWithLogits},
 * max(x,0) - x*z + log(1+exp(-|x|)), which equals -z*log(sigmoid(x)) - (1-z)*log(1-sigmoid(x)) but
 * neither overflows nor takes log(0). Its ops go into a {@code SigmoidCrossEntropyWithLogits}
 * sub-scope of {@code tf}; the mean is named {@code bce}.
 */
public final class BinaryCrossEntropy {

  /** The mean loss, a scalar. {@code targets} and {@code logits} have the same shape. */
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> targets, Operand<TFloat32> logits) {
    Operand<TFloat32> elementwise =
        FrameworkOps.create(tf).nn.sigmoidCrossEntropyWithLogits(targets, logits);
    Operand<TFloat32> flat = tf.reshape(elementwise, tf.constant(new int[] {-1}));
    return tf.withName("bce").math.mean(flat, tf.constant(0));
  }
}
