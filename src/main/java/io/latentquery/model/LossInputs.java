package io.latentquery.model;

import io.latentquery.contract.SavedModelContract;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * What a {@link LossTerm} may read from a training graph.
 *
 * @param images the batch, [B, H, W, C] in [0,1]
 * @param encoded the head's outputs by contract name: {@code latent} (mu for a Gaussian head) and,
 *     for a Gaussian head, {@code latent_logvar}
 * @param logits the decoder's logits of the reconstruction, [B, H, W, C]
 */
public record LossInputs(
    Operand<TFloat32> images, Map<String, Operand<TFloat32>> encoded, Operand<TFloat32> logits) {
  public LossInputs {
    encoded = Collections.unmodifiableMap(new LinkedHashMap<>(encoded));
  }

  /** The encoder output {@code name}; refused when the head does not give it. */
  public Operand<TFloat32> encoded(String name) {
    Operand<TFloat32> output = encoded.get(name);
    if (output == null) {
      throw new IllegalArgumentException(
          "this loss term needs the encoder output "
              + name
              + ", but the head gives only "
              + encoded.keySet());
    }
    return output;
  }

  /** The code of each image: the point, or the posterior mean. */
  public Operand<TFloat32> latent() {
    return encoded(SavedModelContract.LATENT);
  }
}
