package io.latentquery.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * One step of a network: settings in the constructor, one call per graph. Layers with weights
 * create them through the {@link ModelContext} in {@code tf}'s current scope.
 */
@FunctionalInterface
public interface Layer {
  Operand<TFloat32> apply(Ops tf, ModelContext context, Operand<TFloat32> input);
}
