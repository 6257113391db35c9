package io.latentquery.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.latentquery.model.loss.GraphTestSupport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
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
 * A layer's output and TensorFlow's gradients of a weighted sum of it with respect to its input,
 * kernel and bias, on seeded Gaussian data in a fresh graph: what two ways of building the same
 * layer are compared by.
 */
final class LayerGradients {
  /** Builds the layer's output from its input, kernel and bias. */
  interface Layer {
    Operand<TFloat32> apply(
        Ops tf, Operand<TFloat32> input, Operand<TFloat32> kernel, Operand<TFloat32> bias);
  }

  /**
   * The values (output, then the input, kernel and bias gradients) and the op types in the graph.
   */
  record Run(List<float[]> values, Set<String> opTypes) {
    private static final String[] NAMES = {
      "output", "input gradient", "kernel gradient", "bias gradient"
    };

    /** Asserts that this run's output and gradients match {@code reference}'s within 1e-4. */
    void assertMatches(Run reference) {
      for (int i = 0; i < NAMES.length; i++) {
        assertArrayEquals(reference.values().get(i), values.get(i), 1e-4f, NAMES[i]);
      }
    }
  }

  private LayerGradients() {}

  /**
   * Runs {@code layer} on an input of {@code inputShape} and a kernel of {@code kernelShape}, with
   * as many biases as the kernel's last dimension, giving an output of {@code outputShape}. The
   * same {@code seed} gives the same data whatever the layer.
   */
  static Run of(Layer layer, long[] inputShape, long[] kernelShape, long[] outputShape, long seed) {
    Random random = new Random(seed);
    long filters = kernelShape[kernelShape.length - 1];
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Operand<TFloat32> input = tf.constant(Shape.of(inputShape), floats(random, inputShape));
      Operand<TFloat32> kernel = tf.constant(Shape.of(kernelShape), floats(random, kernelShape));
      Operand<TFloat32> bias = tf.constant(Shape.of(filters), floats(random, new long[] {filters}));
      Operand<TFloat32> weights = tf.constant(Shape.of(outputShape), floats(random, outputShape));
      Operand<TFloat32> output = layer.apply(tf, input, kernel, bias);
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
          values.add(GraphTestSupport.values((TFloat32) result.get(i)));
        }
      }
      Set<String> types = new HashSet<>();
      for (Iterator<GraphOperation> ops = graph.operations(); ops.hasNext(); ) {
        types.add(ops.next().type());
      }
      return new Run(values, types);
    }
  }

  private static FloatDataBuffer floats(Random random, long[] shape) {
    return DataBuffers.of(
        GraphTestSupport.gaussian(random, (int) Shape.of(shape).size(), 1), true, false);
  }
}
