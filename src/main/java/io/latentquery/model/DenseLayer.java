package io.latentquery.model;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** A fully connected layer on [B, in]; variables {@code kernel} [in, units] and {@code bias}. */
public record DenseLayer(int units, Activation activation) implements Layer {
  public DenseLayer {
    if (units < 1) {
      throw new IllegalArgumentException("units must be >= 1, got " + units);
    }
  }

  @Override
  public Operand<TFloat32> apply(Ops tf, ModelContext context, Operand<TFloat32> input) {
    Shape kernelShape = Shape.of(input.shape().get(1), units);
    var kernel =
        context.variable(
            tf, "kernel", kernelShape, Initializer.forKernel(kernelShape, activation.initRule()));
    var bias = context.variable(tf, "bias", Shape.of(units), Initializer.zeros());
    return activation.apply(tf, tf.nn.biasAdd(tf.linalg.matMul(input, kernel), bias));
  }
}
