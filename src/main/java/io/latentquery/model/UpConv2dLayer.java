package io.latentquery.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.BiasAdd;
import org.tensorflow.op.nn.Conv2dBackpropInput;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A 2x2 transposed convolution with stride 2 (doubles height and width), bias and activation.
 * {@code conv2dBackpropInput} loses the static shape, so the result is reshaped to [-1, 2H, 2W,
 * filters] (or [-1, filters, 2H, 2W] in NCHW) for the layers after it.
 */
public record UpConv2dLayer(int filters, Activation activation) implements Layer {
  public UpConv2dLayer {
    if (filters < 1) {
      throw new IllegalArgumentException("filters must be >= 1, got " + filters);
    }
  }

  @Override
  public Operand<TFloat32> apply(Ops tf, ModelContext context, Operand<TFloat32> input) {
    ConvLayout layout = context.layout();
    Shape in = input.shape();
    int height = (int) layout.height(in) * 2;
    int width = (int) layout.width(in) * 2;
    long channels = layout.channels(in);
    // The filter of a transposed convolution is [kh, kw, out, in]; each output pixel sees one
    // input pixel's channels (the 2x2 windows do not overlap), each input feeds 2x2 outputs.
    Shape kernelShape = Shape.of(2, 2, filters, channels);
    var init = new Initializer(channels, 4L * filters, activation.initRule());
    var kernel = context.variable(tf, "kernel", kernelShape, init);
    var bias = context.variable(tf, "bias", Shape.of(filters), Initializer.zeros());
    Operand<TInt32> batch =
        tf.slice(tf.shape(input), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    int[] map = layout.mapShape(height, width, filters);
    Operand<TInt32> outputShape = tf.concat(List.of(batch, tf.constant(map)), tf.constant(0));
    String format = layout.dataFormat();
    Operand<TFloat32> up =
        tf.nn.conv2dBackpropInput(
            outputShape,
            kernel,
            input,
            layout.spatial(2, 2),
            "SAME",
            Conv2dBackpropInput.dataFormat(format));
    Operand<TFloat32> shaped = tf.reshape(up, tf.constant(new int[] {-1, map[0], map[1], map[2]}));
    return activation.apply(tf, tf.nn.biasAdd(shaped, bias, BiasAdd.dataFormat(format)));
  }
}
