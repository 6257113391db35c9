package io.latentquery.eval;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** A fully connected layer: ReLU (He initialised) or linear logits (Glorot initialised). */
public final class DenseLayer implements Layer {
  private final String name;
  private final int inputs;
  private final int units;
  private final boolean relu;
  private final Weights weights;

  private DenseLayer(String name, int inputs, int units, boolean relu, Weights weights) {
    if (inputs < 1 || units < 1) {
      throw new IllegalArgumentException("inputs and units must be >= 1, got " + inputs + " and " + units);
    }
    this.name = name;
    this.inputs = inputs;
    this.units = units;
    this.relu = relu;
    this.weights = weights;
  }

  public static DenseLayer relu(String name, int inputs, int units, Weights weights) {
    return new DenseLayer(name, inputs, units, true, weights);
  }

  public static DenseLayer linear(String name, int inputs, int units, Weights weights) {
    return new DenseLayer(name, inputs, units, false, weights);
  }

  @Override
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> in) {
    Ops scope = tf.withSubScope(name);
    var kernel =
        relu
            ? weights.he(name + ".kernel", Shape.of(inputs, units), inputs)
            : weights.glorot(name + ".kernel", Shape.of(inputs, units), inputs, units);
    var bias = weights.zeros(name + ".bias", Shape.of(units));
    Operand<TFloat32> out = scope.nn.biasAdd(scope.linalg.matMul(in, kernel), bias);
    return relu ? scope.nn.relu(out) : out;
  }
}
