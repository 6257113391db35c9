package io.latentquery.model.loss;

import static io.latentquery.model.loss.GraphTestSupport.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class TsneKlLossTest {
  private static float kl(double degreesOfFreedom, float[][] p, float[][] z) {
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Operand<TFloat32> loss =
          new TsneKlLoss(degreesOfFreedom).call(tf, tf.constant(p), tf.constant(z));
      float[] value = GraphTestSupport.run(session, loss);
      assertEquals(1, value.length, "a scalar");
      return value[0];
    }
  }

  /**
   * P on the unit square with {@code adjacent} on the 8 neighbour pairs, {@code diagonal} on the 4
   * others.
   */
  private static float[][] squareP(float adjacent, float diagonal) {
    float a = adjacent;
    float d = diagonal;
    return new float[][] {{0, a, a, d}, {a, 0, d, a}, {a, d, 0, a}, {d, a, a, 0}};
  }

  @Test
  void neighboursOnlyOnTheUnitSquareByHand() {
    // With a = 1, Q of the unit square is 3/32 on neighbour pairs and 1/16 across
    // (StudentTAffinitiesTest). P = 1/8 on the 8 ordered neighbour pairs, 0 elsewhere (the zero
    // entries must contribute exactly 0 through the epsilon clamp):
    // KL = 8 * (1/8) ln((1/8) / (3/32)) = ln(4/3) = 0.2876821.
    assertEquals(
        (float) Math.log(4.0 / 3),
        kl(1, squareP(1f / 8, 0), StudentTAffinitiesTest.UNIT_SQUARE),
        1e-6f);
  }

  @Test
  void uniformPOnTheUnitSquareByHand() {
    // P = 1/12 on all 12 ordered pairs.
    // Neighbours: 8 * (1/12) ln((1/12) / (3/32)) = (2/3) ln(8/9) = -0.0785220.
    // Diagonals: 4 * (1/12) ln((1/12) / (1/16)) = (1/3) ln(4/3) = 0.0958940.
    // KL = 0.0173720.
    double expected = 2.0 / 3 * Math.log(8.0 / 9) + 1.0 / 3 * Math.log(4.0 / 3);
    assertEquals(
        (float) expected,
        kl(1, squareP(1f / 12, 1f / 12), StudentTAffinitiesTest.UNIT_SQUARE),
        1e-6f);
  }

  @Test
  void isZeroWhenPEqualsQ() {
    assertEquals(0f, kl(3, squareP(25f / 264, 2f / 33), StudentTAffinitiesTest.UNIT_SQUARE), 1e-6f);
  }

  @Test
  void matchesTheDoubleReferenceOnARandomBatch() {
    Random random = new Random(9);
    float[] images = GraphTestSupport.gaussian(random, 12 * 20, 1);
    float[] points = GraphTestSupport.gaussian(random, 12 * 2, 3);
    float[] joint = new TsneAffinities(4).joint(images, 12);
    double[][] p = TsneReference.square(joint, 12);
    double[][] z = TsneReference.square(points, 12);
    for (double a : new double[] {1, 2.5}) {
      double expected = TsneReference.kl(p, TsneReference.studentT(z, a));
      float actual = kl(a, toFloat(p), toFloat(z));
      assertEquals(expected, actual, 1e-5 * Math.max(1, expected), "a = " + a);
      assertTrue(expected > 0.1, "a random embedding does not preserve the neighbourhoods");
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2.5})
  void gradientWithRespectToALatentVariableIsTheTsneGradient(double degreesOfFreedom) {
    Random random = new Random(13);
    float[] images = GraphTestSupport.gaussian(random, 8 * 10, 1);
    float[][] z = toFloat(TsneReference.square(GraphTestSupport.gaussian(random, 8 * 2, 2), 8));
    float[][] p = toFloat(TsneReference.square(new TsneAffinities(3).joint(images, 8), 8));
    double[][] expected = TsneReference.klGradient(toDouble(p), toDouble(z), degreesOfFreedom);
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Variable<TFloat32> latent = tf.variable(tf.constant(z));
      Operand<TFloat32> loss = new TsneKlLoss(degreesOfFreedom).call(tf, tf.constant(p), latent);
      Output<?>[] gradient =
          graph.addGradients(loss.asOutput(), new Output<?>[] {latent.asOutput()});
      session.initialize();
      try (Result result = session.runner().fetch(gradient[0]).run()) {
        float[] actual = values((TFloat32) result.get(0));
        for (int i = 0; i < 8; i++) {
          for (int l = 0; l < 2; l++) {
            float value = actual[i * 2 + l];
            assertTrue(Float.isFinite(value), "dKL/dz_" + i + l + " = " + value);
            assertEquals(expected[i][l], value, 1e-5, "dKL/dz_" + i + l);
          }
        }
      }
    }
  }

  @Test
  void gradientStaysFiniteForCoincidingLatentPoints() {
    // Two identical latent points: zero distance on an off-diagonal pair and the clamp on Q must
    // not produce NaN gradients (the first steps of training start from nearly equal latents).
    float[][] z = {{0.5f, 0.5f}, {0.5f, 0.5f}, {1, 0}, {0, 1}};
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Variable<TFloat32> latent = tf.variable(tf.constant(z));
      Operand<TFloat32> loss = new TsneKlLoss(1).call(tf, tf.constant(squareP(1f / 8, 0)), latent);
      Output<?>[] gradient =
          graph.addGradients(loss.asOutput(), new Output<?>[] {latent.asOutput()});
      session.initialize();
      try (Result result = session.runner().fetch(gradient[0]).fetch(loss).run()) {
        for (float value : values((TFloat32) result.get(0))) {
          assertTrue(Float.isFinite(value), "gradient " + value);
        }
        assertTrue(Float.isFinite(values((TFloat32) result.get(1))[0]));
      }
    }
  }

  private static float[][] toFloat(double[][] values) {
    float[][] out = new float[values.length][];
    for (int i = 0; i < values.length; i++) {
      out[i] = new float[values[i].length];
      for (int j = 0; j < values[i].length; j++) {
        out[i][j] = (float) values[i][j];
      }
    }
    return out;
  }

  private static double[][] toDouble(float[][] values) {
    double[][] out = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      out[i] = new double[values[i].length];
      for (int j = 0; j < values[i].length; j++) {
        out[i][j] = values[i][j];
      }
    }
    return out;
  }
}
