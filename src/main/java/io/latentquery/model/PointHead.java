package io.latentquery.model;

import io.latentquery.contract.SavedModelContract;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The head of the deterministic kinds: one linear dense layer of L units on the encoder features,
 * the encoding itself (no activation, so the latent space is unbounded). Training decodes the code
 * as it is.
 */
public final class PointHead implements LatentHead {
  private final int latentDim;

  public PointHead(int latentDim) {
    if (latentDim < 1) {
      throw new IllegalArgumentException("latentDim must be >= 1, got " + latentDim);
    }
    this.latentDim = latentDim;
  }

  /**
   * @param encoderScope the {@code encoder} scope; the head goes into its {@code latent} sub-scope
   * @return {@code latent}, [B, L]
   */
  @Override
  public Map<String, Operand<TFloat32>> apply(
      Ops encoderScope, ModelContext context, Operand<TFloat32> features) {
    Operand<TFloat32> latent =
        new DenseLayer(latentDim, Activation.LINEAR)
            .apply(encoderScope.withSubScope("latent"), context, features);
    return Map.of(SavedModelContract.LATENT, latent);
  }

  @Override
  public Operand<TFloat32> trainingCode(
      Ops tf, ModelContext context, Map<String, Operand<TFloat32>> encoded) {
    return encoded.get(SavedModelContract.LATENT);
  }

  @Override
  public boolean variational() {
    return false;
  }
}
