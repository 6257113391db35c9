package io.latentquery.model;

import java.util.Arrays;
import java.util.List;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.OperationAttributeInspector;
import org.tensorflow.Output;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.BiasAddGrad;
import org.tensorflow.op.nn.Conv2dBackpropFilter;
import org.tensorflow.op.nn.Conv2dBackpropInput;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A stride-1 SAME NHWC convolution, bias and ReLU as one TensorFlow op, {@code _FusedConv2D}, with
 * a gradient that reads the ReLU's output. This computes exactly what Conv2D, BiasAdd and Relu
 * compute, and the gradients are the same, because max(x, 0) &gt; 0 exactly where x &gt; 0.
 *
 * <p>It exists for speed in training graphs. There, TensorFlow's C++ gradient of {@code Relu} reads
 * the ReLU's input, so BiasAdd feeds two ops and grappler leaves the ReLU out of oneDNN's fused
 * convolution. Inference graphs need none of this: grappler fuses their ReLUs by itself, and
 * exported SavedModels keep the standard ops.
 *
 * <p>The gradient is registered for the op type once per process. If something else registered a
 * gradient for {@code _FusedConv2D} first, or TensorFlow Java takes no gradients from Java (on
 * Windows), {@link #available()} is false and layers build the unfused ops.
 */
final class FusedReluConvolution {
  private static final String OP_TYPE = "_FusedConv2D";
  private static final String[] FUSED_OPS = {"BiasAdd", "Relu"};
  private static final boolean REGISTERED = register();

  private FusedReluConvolution() {}

  private static boolean register() {
    try {
      return TensorFlow.registerCustomGradient(OP_TYPE, FusedReluConvolution::gradient);
    } catch (UnsupportedOperationException e) {
      return false; // TensorFlow Java takes no gradients from Java on Windows
    }
  }

  /** Whether this class's gradient is the one TensorFlow has for {@code _FusedConv2D}. */
  static boolean available() {
    return REGISTERED;
  }

  /** relu(conv2d(input, kernel) + bias), stride 1, SAME, NHWC, as one op. */
  static Operand<TFloat32> apply(
      Ops tf, Operand<TFloat32> input, Operand<TFloat32> kernel, Operand<TFloat32> bias) {
    if (!REGISTERED) {
      throw new IllegalStateException(
          "another gradient is registered for " + OP_TYPE + "; build the unfused ops instead");
    }
    GraphOperation op =
        (GraphOperation)
            tf.scope()
                .opBuilder(OP_TYPE, "FusedConv2D")
                .addInput(input.asOutput())
                .addInput(kernel.asOutput())
                .addInputList(new Output<?>[] {bias.asOutput()})
                .addInputList(new Output<?>[0])
                .setAttr("T", DataType.DT_FLOAT)
                .setAttr("TArgs", new DataType[] {DataType.DT_FLOAT})
                .setAttr("num_args", 1L)
                .setAttr("strides", new long[] {1, 1, 1, 1})
                .setAttr("padding", "SAME")
                .setAttr("data_format", "NHWC")
                .setAttr("fused_ops", FUSED_OPS)
                .build();
    return op.output(0);
  }

  /**
   * The gradients with respect to the input, the kernel and the bias, from the gradient {@code
   * upstream} of the op's output. Strides, padding, layout and dilations come from the op.
   */
  @SuppressWarnings("unchecked")
  private static List<Operand<?>> gradient(Ops tf, GraphOperation op, List<Output<?>> upstream) {
    OperationAttributeInspector attributes = op.attributes();
    String padding = attributes.getAttrString("padding");
    if (!Arrays.equals(attributes.getAttrStringList("fused_ops"), FUSED_OPS)
        || padding.equals("EXPLICIT")) {
      throw new IllegalStateException(
          "no gradient for "
              + OP_TYPE
              + " with fused_ops "
              + Arrays.toString(attributes.getAttrStringList("fused_ops"))
              + " and padding "
              + padding
              + "; only BiasAdd then Relu, SAME or VALID");
    }
    Output<TFloat32> input = (Output<TFloat32>) (Output<?>) op.input(0);
    Output<TFloat32> kernel = (Output<TFloat32>) (Output<?>) op.input(1);
    Output<TFloat32> output = (Output<TFloat32>) (Output<?>) op.output(0);
    List<Long> strides = longs(attributes.getAttrIntList("strides"));
    List<Long> dilations = longs(attributes.getAttrIntList("dilations"));
    String format = attributes.getAttrString("data_format");
    Operand<TFloat32> preActivation = tf.nn.reluGrad((Operand<TFloat32>) upstream.get(0), output);
    Operand<TFloat32> inputGradient =
        tf.nn.conv2dBackpropInput(
            tf.shape(input),
            kernel,
            preActivation,
            strides,
            padding,
            Conv2dBackpropInput.dataFormat(format),
            Conv2dBackpropInput.dilations(dilations));
    Operand<TFloat32> kernelGradient =
        tf.nn.conv2dBackpropFilter(
            input,
            tf.shape(kernel),
            preActivation,
            strides,
            padding,
            Conv2dBackpropFilter.dataFormat(format),
            Conv2dBackpropFilter.dilations(dilations));
    return List.of(inputGradient, kernelGradient, biasGradient(tf, preActivation, kernel, format));
  }

  /**
   * The bias gradient, as a BiasAddGrad that oneDNN's graph pass leaves apart from the filter
   * gradient. That pass folds a BiasAddGrad reading the same tensor as a Conv2DBackpropFilter into
   * one {@code _MklNativeConv2DBackpropFilterWithBias}, which took about 9% longer than the two ops
   * apart for 64 channels at 28x28 and batch 512, and half as long again for the first layer
   * (docs/benchmarks.md). In NHWC the BiasAddGrad reads the gradient reshaped to rows of channels,
   * which sums the same numbers and costs no copy.
   */
  private static Operand<TFloat32> biasGradient(
      Ops tf, Operand<TFloat32> preActivation, Output<TFloat32> kernel, String format) {
    if (!format.equals("NHWC")) {
      return tf.nn.biasAddGrad(preActivation, BiasAddGrad.dataFormat(format));
    }
    // [-1, filters], from the kernel's shape at run time: its static shape cannot be read here,
    // while TensorFlow holds the graph to add gradients. Grappler folds these ops to a constant.
    Operand<TInt32> filters =
        tf.slice(tf.shape(kernel), tf.constant(new int[] {3}), tf.constant(new int[] {1}));
    Operand<TInt32> rows = tf.concat(List.of(tf.constant(new int[] {-1}), filters), tf.constant(0));
    return tf.nn.biasAddGrad(tf.reshape(preActivation, rows));
  }

  private static List<Long> longs(long[] values) {
    return Arrays.stream(values).boxed().toList();
  }
}
