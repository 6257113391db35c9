package io.latentquery.model;

import io.latentquery.contract.SavedModelContract;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The head of the deterministic kinds: one linear dense layer of L units on the encoder features,
 * the encoding itself (no activation, so the latent space is unbounded).
 */
final class PointHead {
  private final int latentDim;

  PointHead(int latentDim) {
    this.latentDim = latentDim;
  }

  /**
   * @param encoderScope the {@code encoder} scope; the head goes into its {@code latent} sub-scope
   * @return {@code latent}, [B, L]
   */
  Map<String, Operand<TFloat32>> apply(
      Ops encoderScope, ModelContext context, Operand<TFloat32> features) {
    Operand<TFloat32> latent =
        new DenseLayer(latentDim, Activation.LINEAR)
            .apply(encoderScope.withSubScope("latent"), context, features);
    return Map.of(SavedModelContract.LATENT, latent);
  }
}
