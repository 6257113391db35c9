package io.latentquery.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
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
 * The tap sum against TensorFlow's own Conv2D and BiasAdd, with TensorFlow's own gradients: the
 * same output and the same gradients with respect to the input, the kernel and the bias, for one,
 * two and three output channels and kernels of 3x3 and 5x5 on maps whose borders the taps cross.
 */
class TapSumConvolutionTest {
  /** The output, then the gradients of a weighted sum of it for input, kernel and bias. */
  private static List<float[]> run(boolean tapSum, int size, int filters) {
    long[] inputShape = {3, 6, 5, 4};
    long[] kernelShape = {size, size, 4, filters};
    long[] outputShape = {3, 6, 5, filters};
    Random random = new Random(5);
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Operand<TFloat32> input = tf.constant(Shape.of(inputShape), floats(random, inputShape));
      Operand<TFloat32> kernel = tf.constant(Shape.of(kernelShape), floats(random, kernelShape));
      Operand<TFloat32> bias = tf.constant(Shape.of(filters), floats(random, new long[] {filters}));
      Operand<TFloat32> weights = tf.constant(Shape.of(outputShape), floats(random, outputShape));
      Operand<TFloat32> output =
          tapSum
              ? TapSumConvolution.apply(tf, input, kernel, bias)
              : tf.nn.biasAdd(tf.nn.conv2d(input, kernel, List.of(1L, 1L, 1L, 1L), "SAME"), bias);
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
      assertEquals(tapSum, hasOp(graph, "MatMul"), "a MatMul in the graph");
      return values;
    }
  }

  private static boolean hasOp(Graph graph, String type) {
    for (Iterator<GraphOperation> ops = graph.operations(); ops.hasNext(); ) {
      if (ops.next().type().equals(type)) {
        return true;
      }
    }
    return false;
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

  @ParameterizedTest(name = "{0}x{0} kernel to {1} channel(s)")
  @CsvSource({"3, 1", "3, 3", "5, 2"})
  void computesWhatConvolutionAndBiasComputeWithTheSameGradients(int size, int filters) {
    List<float[]> reference = run(false, size, filters);
    List<float[]> tapSum = run(true, size, filters);
    String[] names = {"output", "input gradient", "kernel gradient", "bias gradient"};
    for (int i = 0; i < names.length; i++) {
      assertArrayEquals(reference.get(i), tapSum.get(i), 1e-4f, names[i]);
    }
  }
}
