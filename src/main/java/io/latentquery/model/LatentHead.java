package io.latentquery.model;

import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The last layer of the encoder: what an image's features become in the latent space. A point head
 * gives one code per image; a Gaussian head gives a posterior, from which training decodes a
 * sample. Both build into the {@code latent} sub-scope of the encoder, so the checkpoint holds
 * {@code encoder/latent/kernel} and {@code encoder/latent/bias} for every kind.
 */
public interface LatentHead {

  /**
   * The encoder's outputs by {@link io.latentquery.contract.SavedModelContract} name, built in the
   * {@code latent} sub-scope of {@code encoderScope}: always {@code latent} [B, L], first.
   */
  Map<String, Operand<TFloat32>> apply(
      Ops encoderScope, ModelContext context, Operand<TFloat32> features);

  /**
   * The code [B, L] the decoder reconstructs from in a training graph, given this head's {@code
   * encoded} outputs; per-batch inputs (noise) are fed through {@code context}.
   */
  Operand<TFloat32> trainingCode(
      Ops tf, ModelContext context, Map<String, Operand<TFloat32>> encoded);

  /** Whether {@link #apply} also gives {@code latent_logvar}, a posterior log-variance. */
  boolean variational();
}
