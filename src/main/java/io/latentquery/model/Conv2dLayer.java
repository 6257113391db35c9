package io.latentquery.model;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.BiasAdd;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.types.TFloat32;

/**
 * A stride-1 SAME convolution with bias, in the context's {@link ConvLayout}; variables {@code
 * kernel} [k,k,in,out] and {@code bias}. Built as one fused op when the context {@linkplain
 * ModelContext#fusesRelu() fuses ReLUs}, and as a tap sum when it {@linkplain
 * ModelContext#sumsTaps(int) sums taps} for this many filters.
 */
public record Conv2dLayer(int filters, int kernelSize, Activation activation) implements Layer {
  public Conv2dLayer {
    if (filters < 1 || kernelSize < 1) {
      throw new IllegalArgumentException(
          "filters and kernel size must be >= 1, got " + filters + ", " + kernelSize);
    }
  }

  @Override
  public Operand<TFloat32> apply(Ops tf, ModelContext context, Operand<TFloat32> input) {
    ConvLayout layout = context.layout();
    long channels = layout.channels(input.shape());
    Shape kernelShape = Shape.of(kernelSize, kernelSize, channels, filters);
    var kernel =
        context.variable(
            tf, "kernel", kernelShape, Initializer.forKernel(kernelShape, activation.initRule()));
    var bias = context.variable(tf, "bias", Shape.of(filters), Initializer.zeros());
    if (context.sumsTaps(filters)) {
      return activation.apply(tf, TapSumConvolution.apply(tf, input, kernel, bias));
    }
    if (activation == Activation.RELU && context.fusesRelu()) {
      return FusedReluConvolution.apply(tf, input, kernel, bias);
    }
    String format = layout.dataFormat();
    Operand<TFloat32> conv =
        tf.nn.conv2d(input, kernel, layout.spatial(1, 1), "SAME", Conv2d.dataFormat(format));
    return activation.apply(tf, tf.nn.biasAdd(conv, bias, BiasAdd.dataFormat(format)));
  }
}
