package io.latentquery.model;

import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * One kind of autoencoder as graph builders. Every method builds into the graph of {@code tf},
 * creating variables through {@code context}; the encoder lives in scope {@code encoder} and the
 * decoder in scope {@code decoder}, so variable names agree between the training graph and each
 * inference graph and a training checkpoint restores into all of them.
 *
 * <p>Images are float32 [B, H, W, C] in [0,1]; latent points float32 [B, L].
 */
public interface AutoencoderModel {

  AutoencoderConfig config();

  /**
   * The training graph: the named scalar loss terms (summed by the trainer). Extra inputs that Java
   * computes per batch (noise, affinity matrices) are placeholders registered with {@link
   * ModelContext#feed}.
   */
  TrainingGraph training(Ops tf, ModelContext context, Operand<TFloat32> images);

  /**
   * The encoder's outputs by {@link io.latentquery.contract.SavedModelContract} name: always {@code
   * latent} [B, L]; for variational kinds also {@code latent_logvar} [B, L].
   */
  Map<String, Operand<TFloat32>> encode(Ops tf, ModelContext context, Operand<TFloat32> images);

  /** Images in [0,1] [B, H, W, C] decoded from latent points [B, L]. */
  Operand<TFloat32> decode(Ops tf, ModelContext context, Operand<TFloat32> latent);
}
