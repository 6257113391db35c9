package io.latentquery.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class WeightsTest {
  private static float[] heValues(long seed) {
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Weights weights = new Weights(Ops.create(graph), seed);
      var kernel = weights.he("conv.kernel", Shape.of(3, 3, 50, 40), 3 * 3 * 50);
      session.initialize();
      float[] values = new float[3 * 3 * 50 * 40];
      try (Result result = session.runner().fetch(kernel).run()) {
        ((TFloat32) result.get(0)).copyTo(DataBuffers.of(values, false, false));
      }
      assertEquals(1, weights.variables().size());
      assertEquals(values.length, weights.parameterCount());
      return values;
    }
  }

  @Test
  void heUniformIsSignedAndScaledByFanIn() {
    // fanIn = 3*3*50 = 450: limit sqrt(6/450) = 0.11547; U(-a, a) has mean 0 and std a/sqrt(3) = 0.066667.
    float[] values = heValues(1);
    double limit = Math.sqrt(6.0 / 450);
    double sum = 0;
    double squares = 0;
    int negative = 0;
    for (float v : values) {
      assertTrue(Math.abs(v) <= limit, "value " + v + " beyond " + limit);
      sum += v;
      squares += v * v;
      negative += v < 0 ? 1 : 0;
    }
    double mean = sum / values.length;
    double std = Math.sqrt(squares / values.length - mean * mean);
    assertEquals(0.0, mean, 0.003);
    assertEquals(0.066667, std, 0.002);
    assertEquals(0.5, negative / (double) values.length, 0.02);
  }

  @Test
  void theSameSeedGivesTheSameInitialWeights() {
    assertArrayEquals(heValues(7), heValues(7));
    assertTrue(heValues(7)[0] != heValues(8)[0]);
  }
}
