package io.latentquery.model;

import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * 2x2 max-pooling with stride 2: halves height and width. NHWC maps go through {@code MaxPoolV2};
 * NCHW maps through {@code MaxPool}, whose window is an attribute, because only oneDNN's rewrite of
 * {@code MaxPool} pools NCHW on the CPU.
 */
public record MaxPoolLayer() implements Layer {
  private static final int[] WINDOW = {1, 2, 2, 1};

  @Override
  public Operand<TFloat32> apply(Ops tf, ModelContext context, Operand<TFloat32> input) {
    ConvLayout layout = context.layout();
    if (layout == ConvLayout.NHWC) {
      return tf.nn.maxPool(input, tf.constant(WINDOW), tf.constant(WINDOW), "VALID");
    }
    long[] window = layout.spatial(2, 2).stream().mapToLong(Long::longValue).toArray();
    Operation pool =
        tf.scope()
            .opBuilder("MaxPool", "MaxPool")
            .addInput(input.asOutput())
            .setAttr("ksize", window)
            .setAttr("strides", window)
            .setAttr("padding", "VALID")
            .setAttr("data_format", layout.dataFormat())
            .build();
    return pool.output(0);
  }
}
