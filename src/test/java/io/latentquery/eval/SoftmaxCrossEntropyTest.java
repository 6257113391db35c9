package io.latentquery.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class SoftmaxCrossEntropyTest {
  private static final float[][] LOGITS = {{0f, 0f, 0f}, {2f, 0f, 0f}};
  private static final int[] LABELS = {1, 0};

  private static float loss(float[] weights) {
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy(3);
      var loss =
          weights == null
              ? ce.call(tf, tf.constant(LABELS), tf.constant(LOGITS))
              : ce.call(tf, tf.constant(LABELS), tf.constant(LOGITS), tf.constant(weights));
      try (Result result = session.runner().fetch(loss).run()) {
        return ((TFloat32) result.get(0)).getFloat();
      }
    }
  }

  @Test
  void weightedMeanMatchesTheHandComputedValue() {
    // Row 1: -ln(1/3) = 1.098612. Row 2: -ln(e^2 / (e^2 + 2)) = ln(1 + 2 e^-2) = 0.239605.
    double first = Math.log(3);
    double second = Math.log(1 + 2 * Math.exp(-2));
    assertEquals((first + second) / 2, loss(null), 1e-6);
    assertEquals((first + second) / 2, loss(new float[] {1f, 1f}), 1e-6);
    assertEquals((0.5 * first + 1.5 * second) / 2, loss(new float[] {0.5f, 1.5f}), 1e-6);
    assertEquals(second, loss(new float[] {0f, 0.3f}), 1e-6);
  }
}
