package io.latentquery.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The fused convolution against TensorFlow's own Conv2D, BiasAdd and Relu, with TensorFlow's own
 * gradients: the same output and the same gradients with respect to the input, the kernel and the
 * bias, on data where about half the pre-activations are negative.
 */
class FusedReluConvolutionTest {
  private static final long[] INPUT = {3, 6, 5, 4};
  private static final long[] KERNEL = {3, 3, 4, 7};
  private static final long[] OUTPUT = {3, 6, 5, 7};

  /** The output, then the gradients of a weighted sum of it for input, kernel and bias. */
  private static List<float[]> run(boolean fused) {
    Random random = new Random(11);
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Operand<TFloat32> input = tf.constant(Shape.of(INPUT), floats(random, INPUT));
      Operand<TFloat32> kernel = tf.constant(Shape.of(KERNEL), floats(random, KERNEL));
      Operand<TFloat32> bias = tf.constant(Shape.of(7), floats(random, new long[] {7}));
      Operand<TFloat32> weights = tf.constant(Shape.of(OUTPUT), floats(random, OUTPUT));
      Operand<TFloat32> output =
          fused
              ? FusedReluConvolution.apply(tf, input, kernel, bias)
              : tf.nn.relu(
                  tf.nn.biasAdd(
                      tf.nn.conv2d(input, kernel, List.of(1L, 1L, 1L, 1L), "SAME"), bias));
      Operand<TFloat32> loss =
          tf.sum(tf.math.mul(output, weights), tf.constant(new int[] {0, 1, 2, 3}));
      Output<?>[] gradients =
          graph.addGradients(
              loss.asOutput(),
              new Output<?>[] {input.asOutput(), kernel.asOutput(), bias.asOutput()});
      Session.Runner runner = session.runner().fetch(output);
      for (Output<?> gradient : gradients) {
        runner.fetch(gradient);
      }
      List<float[]> values = new ArrayList<>();
      try (Result result = runner.run()) {
        for (int i = 0; i < result.size(); i++) {
          TFloat32 tensor = (TFloat32) result.get(i);
          float[] value = new float[(int) tensor.size()];
          tensor.copyTo(DataBuffers.of(value, false, false));
          values.add(value);
        }
      }
      boolean hasFusedOp = graph.operation("FusedConv2D") != null;
      assertEquals(fused, hasFusedOp, "a _FusedConv2D op in the graph");
      return values;
    }
  }

  private static FloatDataBuffer floats(Random random, long[] shape) {
    long size = 1;
    for (long dimension : shape) {
      size *= dimension;
    }
    float[] values = new float[(int) size];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return DataBuffers.of(values, true, false);
  }

  @Test
  void computesWhatConvolutionBiasAndReluComputeWithTheSameGradients() {
    List<float[]> reference = run(false);
    List<float[]> fused = run(true);
    float[] output = reference.get(0);
    long zeros = 0;
    for (float value : output) {
      zeros += value == 0 ? 1 : 0;
    }
    assertTrue(
        zeros > output.length / 4 && zeros < output.length * 3 / 4,
        zeros + " of " + output.length + " outputs cut by the ReLU");
    String[] names = {"output", "input gradient", "kernel gradient", "bias gradient"};
    for (int i = 0; i < names.length; i++) {
      assertArrayEquals(reference.get(i), fused.get(i), 1e-4f, names[i]);
    }
  }
}
