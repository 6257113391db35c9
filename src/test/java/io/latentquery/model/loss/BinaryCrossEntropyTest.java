package io.latentquery.model.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class BinaryCrossEntropyTest {

  private static float loss(float[][] targets, float[][] logits) {
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      var loss = new BinaryCrossEntropy().call(tf, tf.constant(targets), tf.constant(logits));
      try (Result result = session.runner().fetch(loss).run()) {
        return ((TFloat32) result.get(0)).getFloat();
      }
    }
  }

  @Test
  void goldenValueOnTwoByThree() {
    float[][] targets = {{0f, 1f, 0.5f}, {1f, 0f, 0.25f}};
    float[][] logits = {{0f, 2f, -1f}, {-3f, 1f, 0.5f}};
    // By hand, max(x,0) - x*z + ln(1+e^-|x|) per element:
    // ln2 = 0.693147; ln(1+e^-2) = 0.126928; 0.5 + ln(1+e^-1) = 0.813262;
    // 3 + ln(1+e^-3) = 3.048587; 1 + ln(1+e^-1) = 1.313262; 0.375 + ln(1+e^-0.5) = 0.849077;
    // mean = 6.844263 / 6 = 1.140710.
    assertEquals(1.140710, loss(targets, logits), 1e-5);
  }

  @Test
  void largeLogitsStayFinite() {
    float[][] targets = {{0f, 1f}};
    float[][] logits = {{200f, -200f}};
    // Each element is 200 (a confident, wrong prediction); the naive form would give infinity.
    assertEquals(200f, loss(targets, logits), 1e-3);
  }
}
