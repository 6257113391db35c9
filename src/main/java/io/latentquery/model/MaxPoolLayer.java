package io.latentquery.model;

import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * 2x2 max-pooling with stride 2: halves height and width. Built as {@code MaxPool}, whose window is
 * an attribute, rather than {@code MaxPoolV2}: oneDNN runs {@code MaxPool} and its gradient (faster
 * than the plain kernels, see docs/benchmarks.md) and only it pools NCHW maps on the CPU.
 */
public record MaxPoolLayer() implements Layer {
  @Override
  public Operand<TFloat32> apply(Ops tf, ModelContext context, Operand<TFloat32> input) {
    ConvLayout layout = context.layout();
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
