package io.latentquery.model;

import io.latentquery.model.loss.BinaryCrossEntropy;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The reconstruction term of every kind: the binary cross-entropy between the images and the
 * decoder's logits, averaged over pixels and batch.
 */
public final class ReconstructionTerm implements LossTerm {
  /** The term's metrics.csv column. */
  public static final String NAME = "reconstruction";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Operand<TFloat32> build(Ops tf, Ops loss, ModelContext context, LossInputs inputs) {
    return new BinaryCrossEntropy().call(loss, inputs.images(), inputs.logits());
  }
}
