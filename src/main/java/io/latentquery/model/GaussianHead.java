package io.latentquery.model;

import io.latentquery.contract.SavedModelContract;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The head of the variational kinds: one linear dense layer of 2L units on the encoder features,
 * split into the posterior mean mu (first L units) and log-variance (last L). One layer rather than
 * two keeps the variable layout of {@code encoder/latent} a single kernel and bias, like the
 * deterministic head. The log-variance rather than sigma is predicted so the head is unconstrained.
 * Training decodes the reparameterised sample of {@link GaussianSample}; the exported encoding is
 * mu.
 */
public final class GaussianHead implements LatentHead {
  private final int latentDim;

  public GaussianHead(int latentDim) {
    if (latentDim < 1) {
      throw new IllegalArgumentException("latentDim must be >= 1, got " + latentDim);
    }
    this.latentDim = latentDim;
  }

  /**
   * @param encoderScope the {@code encoder} scope; the head goes into its {@code latent} sub-scope
   * @return {@code latent} (mu) and {@code latent_logvar}, each [B, L], in that order
   */
  @Override
  public Map<String, Operand<TFloat32>> apply(
      Ops encoderScope, ModelContext context, Operand<TFloat32> features) {
    Ops scope = encoderScope.withSubScope("latent");
    Operand<TFloat32> both =
        new DenseLayer(2 * latentDim, Activation.LINEAR).apply(scope, context, features);
    List<Output<TFloat32>> halves = scope.split(scope.constant(1), both, 2L).output();
    Map<String, Operand<TFloat32>> outputs = new LinkedHashMap<>();
    outputs.put(SavedModelContract.LATENT, halves.get(0));
    outputs.put(SavedModelContract.LATENT_LOGVAR, halves.get(1));
    return outputs;
  }

  /** z = mu + eps * exp(logvar / 2), with eps fed per batch (see {@link GaussianSample}). */
  @Override
  public Operand<TFloat32> trainingCode(
      Ops tf, ModelContext context, Map<String, Operand<TFloat32>> encoded) {
    return GaussianSample.draw(
        tf,
        context,
        encoded.get(SavedModelContract.LATENT),
        encoded.get(SavedModelContract.LATENT_LOGVAR),
        latentDim);
  }

  @Override
  public boolean variational() {
    return true;
  }
}
