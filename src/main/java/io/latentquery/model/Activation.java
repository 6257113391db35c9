package io.latentquery.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The nonlinearity after a layer, and the initialiser scaling that suits it. */
public enum Activation {
  RELU(Initializer.Rule.HE),
  LINEAR(Initializer.Rule.GLOROT);

  private final Initializer.Rule initRule;

  Activation(Initializer.Rule initRule) {
    this.initRule = initRule;
  }

  public Initializer.Rule initRule() {
    return initRule;
  }

  public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
    return this == RELU ? tf.nn.relu(x) : x;
  }
}
