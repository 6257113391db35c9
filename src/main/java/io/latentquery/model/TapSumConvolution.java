package io.latentquery.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A stride-1 SAME NHWC k x k convolution with few output channels, computed as one matrix product
 * and a shift-and-add. It computes what Conv2D and BiasAdd compute, with the same multiplications;
 * only the order of the additions differs, so results agree to float rounding.
 *
 * <p>It exists for speed in training graphs. oneDNN runs a convolution to one channel, the
 * decoder's logits for grey images, at a few percent of its matrix-multiply rate, in the forward
 * pass and in both gradients (docs/benchmarks.md). Here the product of the input, as a [pixels, in]
 * matrix, and the kernel, laid out as [in, k*k*out], gives at every pixel each tap's partial sum. A
 * fixed k x k convolution with 0/1 weights then adds, at each pixel, each tap's partial sum from
 * the neighbour that tap reads, and the bias. TensorFlow's own gradients of these ops give the
 * kernel's and the input's gradients; the fixed weights are a constant, so nothing trains them.
 * Exported SavedModels keep the standard Conv2D.
 */
final class TapSumConvolution {
  private TapSumConvolution() {}

  /** conv2d(input, kernel) + bias, stride 1, SAME, NHWC, for {@code kernel} [k, k, in, out]. */
  static Operand<TFloat32> apply(
      Ops tf, Operand<TFloat32> input, Operand<TFloat32> kernel, Operand<TFloat32> bias) {
    Shape kernelShape = kernel.shape();
    int size = (int) kernelShape.get(0);
    int channels = (int) kernelShape.get(2);
    int filters = (int) kernelShape.get(3);
    int taps = size * size;
    // [k, k, in, out] -> [in, k, k, out] -> [in, k*k*out]: column (ky*k + kx)*out + f.
    Operand<TFloat32> perTap =
        tf.reshape(
            tf.linalg.transpose(kernel, tf.constant(new int[] {2, 0, 1, 3})),
            tf.constant(new int[] {channels, taps * filters}));
    Operand<TInt32> pixels =
        tf.slice(tf.shape(input), tf.constant(new int[] {0}), tf.constant(new int[] {3}));
    Operand<TFloat32> partialSums =
        tf.reshape(
            tf.linalg.matMul(tf.reshape(input, tf.constant(new int[] {-1, channels})), perTap),
            tf.concat(List.of(pixels, tf.constant(new int[] {taps * filters})), tf.constant(0)));
    Operand<TFloat32> summed =
        tf.nn.conv2d(
            partialSums, shiftAndAdd(tf, size, filters), ConvLayout.NHWC.spatial(1, 1), "SAME");
    return tf.nn.biasAdd(summed, bias);
  }

  /**
   * The fixed kernel [k, k, k*k*out, out]: tap (ky, kx) of output channel f reads partial-sum
   * channel (ky*k + kx)*out + f with weight 1, every other weight is 0.
   */
  static Operand<TFloat32> shiftAndAdd(Ops tf, int size, int filters) {
    int taps = size * size;
    float[] weights = new float[taps * taps * filters * filters];
    for (int tap = 0; tap < taps; tap++) {
      for (int f = 0; f < filters; f++) {
        weights[((tap * taps + tap) * filters + f) * filters + f] = 1f;
      }
    }
    return tf.constant(Shape.of(size, size, taps * filters, filters), DataBuffers.of(weights));
  }
}
