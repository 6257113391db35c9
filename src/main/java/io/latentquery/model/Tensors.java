package io.latentquery.model;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Copies between Java float arrays and float tensors in one bulk copy each way. */
public final class Tensors {
  private Tensors() {}

  /** A new tensor of {@code shape} holding {@code values}; the caller closes it. */
  public static TFloat32 of(long[] shape, float[] values) {
    return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
  }

  public static TFloat32 of(FeedValue value) {
    return of(value.shape(), value.values());
  }

  /** All values of {@code tensor}, row-major. */
  public static float[] read(TFloat32 tensor) {
    float[] values = new float[Math.toIntExact(tensor.shape().size())];
    tensor.asRawTensor().data().asFloats().read(values);
    return values;
  }
}
