package io.latentquery.model.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.framework.op.FrameworkOps;
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

  private static final float[][] TARGETS = {{0f, 1f, 0.5f}, {1f, 0f, 0.25f}};
  private static final float[][] LOGITS = {{0f, 2f, -1f}, {-3f, 1f, 0.5f}};

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

  @Test
  void frameworkElementsMatchTheStableFormulaOnTwoByThree() {
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      var elements =
          FrameworkOps.create(tf)
              .nn
              .sigmoidCrossEntropyWithLogits(tf.constant(TARGETS), tf.constant(LOGITS));
      // max(x,0) - x*z + ln(1+e^-|x|) per element, as in goldenValueOnTwoByThree.
      assertArrayEquals(
          new float[] {0.693147f, 0.126928f, 0.813262f, 3.048587f, 1.313262f, 0.849077f},
          GraphTestSupport.run(session, elements),
          1e-6f);
    }
  }

  @Test
  void gradientIsSigmoidMinusTargetOverTheElementCount() {
    // d mean / d x = (sigmoid(x) - z) / 6 by hand: sigmoid(0, 2, -1, -3, 1, 0.5) = 0.5, 0.880797,
    // 0.268941, 0.047426, 0.731059, 0.622459. At x = 0 this is 0.5 / 6; the max(x,0) - ... +
    // log1p(exp(-abs(x))) form gives 1 / 6 there, since TensorFlow's abs has gradient 0 at 0.
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      var logits = tf.constant(LOGITS);
      var loss = new BinaryCrossEntropy().call(tf, tf.constant(TARGETS), logits);
      Output<?>[] gradient =
          graph.addGradients(loss.asOutput(), new Output<?>[] {logits.asOutput()});
      try (Result result = session.runner().fetch(gradient[0]).run()) {
        assertArrayEquals(
            new float[] {0.0833333f, -0.0198672f, -0.0385098f, -0.1587624f, 0.1218431f, 0.0620766f},
            GraphTestSupport.values((TFloat32) result.get(0)),
            1e-6f);
      }
    }
  }
}
