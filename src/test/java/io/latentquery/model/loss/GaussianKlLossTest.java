package io.latentquery.model.loss;

import static io.latentquery.model.loss.GraphTestSupport.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class GaussianKlLossTest {
  private static final float LN2 = (float) Math.log(2);

  private static float kl(float[][] mu, float[][] logvar) {
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Operand<TFloat32> loss = new GaussianKlLoss().call(tf, tf.constant(mu), tf.constant(logvar));
      float[] value = GraphTestSupport.run(session, loss);
      assertEquals(1, value.length, "a scalar");
      return value[0];
    }
  }

  @Test
  void twoByThreeByHand() {
    // Per latent value: 1 + logvar - mu^2 - exp(logvar).
    // Image 0: mu = 0, logvar = 0 -> 1 + 0 - 0 - 1 = 0 in each dimension: KL 0 (the prior itself).
    // Image 1: mu = (1, -1, 0.5), logvar = (ln 2, 0, -ln 2):
    //   1 + ln 2 - 1 - 2 = ln 2 - 2;  1 + 0 - 1 - 1 = -1;  1 - ln 2 - 0.25 - 0.5 = 0.25 - ln 2.
    //   Sum = -2.75 (the ln 2 cancel), KL = -1/2 * -2.75 = 1.375.
    // Batch mean: (0 + 1.375) / 2 = 0.6875.
    float[][] mu = {{0, 0, 0}, {1, -1, 0.5f}};
    float[][] logvar = {{0, 0, 0}, {LN2, 0, -LN2}};
    assertEquals(0.6875f, kl(mu, logvar), 1e-6f);
  }

  @Test
  void thePriorItselfCostsNothing() {
    assertEquals(0f, kl(new float[3][2], new float[3][2]), 0f);
  }

  @Test
  void gradientsExistAndMatchTheClosedForm() {
    // d/dmu = mu / B, d/dlogvar = (exp(logvar) - 1) / 2B.
    float[][] mu = {{0.5f, -2, 0}, {1, -1, 0.5f}};
    float[][] logvar = {{0.3f, -1, 2}, {LN2, 0, -LN2}};
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Variable<TFloat32> muVar = tf.variable(tf.constant(mu));
      Variable<TFloat32> logvarVar = tf.variable(tf.constant(logvar));
      // Read through identity: the C++ gradient of Square casts to its input's dtype, which for a
      // ref-typed Variable is float_ref, and TF 1.1.0 crashes the JVM on it.
      Operand<TFloat32> loss =
          new GaussianKlLoss().call(tf, tf.identity(muVar), tf.identity(logvarVar));
      Output<?>[] gradients =
          graph.addGradients(
              loss.asOutput(), new Output<?>[] {muVar.asOutput(), logvarVar.asOutput()});
      session.initialize();
      try (Result result = session.runner().fetch(gradients[0]).fetch(gradients[1]).run()) {
        float[] dMu = values((TFloat32) result.get(0));
        float[] dLogvar = values((TFloat32) result.get(1));
        float[] expectedMu = new float[6];
        float[] expectedLogvar = new float[6];
        for (int k = 0; k < 6; k++) {
          expectedMu[k] = mu[k / 3][k % 3] / 2;
          expectedLogvar[k] = (float) (Math.exp(logvar[k / 3][k % 3]) - 1) / 4;
        }
        assertArrayEquals(expectedMu, dMu, 1e-6f);
        assertArrayEquals(expectedLogvar, dLogvar, 1e-6f);
      }
    }
  }
}
