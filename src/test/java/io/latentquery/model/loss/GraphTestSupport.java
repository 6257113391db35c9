package io.latentquery.model.loss;

import java.util.Random;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Feeding and fetching small float tensors in the model and loss tests. */
public final class GraphTestSupport {
  private GraphTestSupport() {}

  static TFloat32 matrix(float[] values, int rows) {
    return TFloat32.tensorOf(
        Shape.of(rows, values.length / rows), DataBuffers.of(values, true, true));
  }

  public static float[] values(TFloat32 tensor) {
    float[] out = new float[(int) tensor.shape().size()];
    tensor.copyTo(DataBuffers.of(out, false, false));
    return out;
  }

  /** Runs {@code fetch} and returns its values as a flat array; the result is closed. */
  static float[] run(Session session, Operand<TFloat32> fetch) {
    try (Result result = session.runner().fetch(fetch).run()) {
      return values((TFloat32) result.get(0));
    }
  }

  public static float[] gaussian(Random random, int count, double scale) {
    float[] out = new float[count];
    for (int i = 0; i < count; i++) {
      out[i] = (float) (random.nextGaussian() * scale);
    }
    return out;
  }
}
