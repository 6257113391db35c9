package io.latentquery.eval;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** One step of a network: settings fixed at construction, the graph built per call. */
@FunctionalInterface
public interface Layer {
  Operand<TFloat32> call(Ops tf, Operand<TFloat32> in);
}
