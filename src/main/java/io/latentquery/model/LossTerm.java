package io.latentquery.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * One named, weighted part of an autoencoder's training loss (as DJL's {@code SimpleCompositeLoss}
 * adds named components). The trainer minimises the sum of a model's terms and logs each under its
 * {@link #name()} as a column of metrics.csv.
 */
public interface LossTerm {

  /** The metrics.csv column and the key in {@link TrainingGraph#lossTerms()}, e.g. {@code kl}. */
  String name();

  /**
   * The weighted term, a scalar: its ops go into {@code loss} (the training graph's {@code loss}
   * scope); placeholders it needs per batch go into the root scope {@code tf} and are registered
   * with {@code context}.
   */
  Operand<TFloat32> build(Ops tf, Ops loss, ModelContext context, LossInputs inputs);
}
