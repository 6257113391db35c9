package io.latentquery.eval;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** A 3x3 convolution, stride 1, SAME padding, plus bias, then ReLU (the encoder's convolution). */
public final class Conv2dLayer implements Layer {
  private static final int KERNEL = 3;

  private final String name;
  private final int inChannels;
  private final int filters;
  private final Weights weights;

  public Conv2dLayer(String name, int inChannels, int filters, Weights weights) {
    if (inChannels < 1 || filters < 1) {
      throw new IllegalArgumentException("channels and filters must be >= 1, got " + inChannels + " and " + filters);
    }
    this.name = name;
    this.inChannels = inChannels;
    this.filters = filters;
    this.weights = weights;
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> in) {
    Ops scope = tf.withSubScope(name);
    var kernel = weights.he(name + ".kernel", Shape.of(KERNEL, KERNEL, inChannels, filters), (long) KERNEL * KERNEL * inChannels);
    var bias = weights.zeros(name + ".bias", Shape.of(filters));
    Operand<TFloat32> conv = scope.nn.conv2d(in, kernel, List.of(1L, 1L, 1L, 1L), "SAME");
    return scope.nn.relu(scope.nn.biasAdd(conv, bias));
  }
}
