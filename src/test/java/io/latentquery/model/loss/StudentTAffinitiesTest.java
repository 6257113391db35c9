package io.latentquery.model.loss;

import static io.latentquery.model.loss.GraphTestSupport.matrix;
import static io.latentquery.model.loss.GraphTestSupport.run;
import static io.latentquery.model.loss.GraphTestSupport.values;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class StudentTAffinitiesTest {
  /** The corners of the unit square: squared distances 1 between neighbours, 2 across. */
  static final float[][] UNIT_SQUARE = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};

  private static float[] q(double degreesOfFreedom, float[][] z) {
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      return run(session, new StudentTAffinities(degreesOfFreedom).call(tf, tf.constant(z)));
    }
  }

  /** Expected Q of the unit square from q_adjacent (pairs 0-1, 0-2, 1-3, 2-3) and q_diagonal. */
  private static float[] squareQ(float adjacent, float diagonal) {
    float a = adjacent;
    float d = diagonal;
    return new float[] {0, a, a, d, a, 0, d, a, a, d, 0, a, d, a, a, 0};
  }

  @Test
  void cauchyKernelOnTheUnitSquareByHand() {
    // a = 1: kernel 1 / (1 + d). Neighbours (d = 1): 1/2; diagonals (d = 2): 1/3.
    // Ordered off-diagonal pairs: 8 neighbours, 4 diagonal: sum = 8/2 + 4/3 = 16/3.
    // q_adjacent = (1/2) / (16/3) = 3/32 = 0.09375; q_diagonal = (1/3) / (16/3) = 1/16 = 0.0625.
    assertArrayEquals(squareQ(3f / 32, 1f / 16), q(1, UNIT_SQUARE), 1e-7f);
  }

  @Test
  void threeDegreesOfFreedomOnTheUnitSquareByHand() {
    // a = 3: kernel (1 + d/3)^-2. Neighbours: (4/3)^-2 = 9/16; diagonals: (5/3)^-2 = 9/25.
    // Sum = 8 * 9/16 + 4 * 9/25 = 4.5 + 1.44 = 5.94.
    // q_adjacent = 0.5625 / 5.94 = 25/264 = 0.0946970; q_diagonal = 0.36 / 5.94 = 2/33 = 0.0606061.
    assertArrayEquals(squareQ(25f / 264, 2f / 33), q(3, UNIT_SQUARE), 1e-7f);
  }

  @Test
  void oneGraphServesEveryBatchSizeAndMatchesTheReference() {
    Random random = new Random(5);
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> z = tf.placeholder(TFloat32.class);
      Operand<TFloat32> q = new StudentTAffinities(2.5).call(tf, z);
      for (int batch : new int[] {3, 7, 16}) {
        float[] points = GraphTestSupport.gaussian(random, batch * 3, 1.5);
        double[][] expected = TsneReference.studentT(TsneReference.square(points, batch), 2.5);
        float[] actual;
        try (TFloat32 input = matrix(points, batch);
            Result result = session.runner().feed(z, input).fetch(q).run()) {
          actual = values((TFloat32) result.get(0));
        }
        assertEquals(batch * batch, actual.length);
        double sum = 0;
        for (int i = 0; i < batch; i++) {
          for (int j = 0; j < batch; j++) {
            assertEquals(
                expected[i][j], actual[i * batch + j], 1e-6, "q_" + i + j + " of " + batch);
            sum += actual[i * batch + j];
          }
        }
        assertEquals(1, sum, 1e-5);
      }
    }
  }

  @Test
  void refusesNonPositiveDegreesOfFreedom() {
    assertAll(
        () ->
            assertEquals(
                "degrees of freedom must be > 0, got 0",
                assertThrows(IllegalArgumentException.class, () -> new StudentTAffinities(0))
                    .getMessage()),
        () ->
            assertEquals(
                "degrees of freedom must be > 0, got -1.5",
                assertThrows(IllegalArgumentException.class, () -> new StudentTAffinities(-1.5))
                    .getMessage()),
        () ->
            assertEquals(
                "degrees of freedom must be > 0, got NaN",
                assertThrows(
                        IllegalArgumentException.class, () -> new StudentTAffinities(Double.NaN))
                    .getMessage()));
  }
}
