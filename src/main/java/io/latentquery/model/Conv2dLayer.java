package io.latentquery.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A stride-1 SAME convolution with bias, NHWC; variables {@code kernel} [k,k,in,out] and {@code
 * bias}.
 */
public record Conv2dLayer(int filters, int kernelSize, Activation activation) implements Layer {
  private static final List<Long> STRIDES = List.of(1L, 1L, 1L, 1L);

  public Conv2dLayer {
    if (filters < 1 || kernelSize < 1) {
      throw new IllegalArgumentException(
          "filters and kernel size must be >= 1, got " + filters + ", " + kernelSize);
    }
  }

  @Override
  public Operand<TFloat32> apply(Ops tf, ModelContext context, Operand<TFloat32> input) {
    long channels = input.shape().get(3);
    Shape kernelShape = Shape.of(kernelSize, kernelSize, channels, filters);
    var kernel =
        context.variable(
            tf, "kernel", kernelShape, Initializer.forKernel(kernelShape, activation.initRule()));
    var bias = context.variable(tf, "bias", Shape.of(filters), Initializer.zeros());
    return activation.apply(tf, tf.nn.biasAdd(tf.nn.conv2d(input, kernel, STRIDES, "SAME"), bias));
  }
}
