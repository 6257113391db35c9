package io.latentquery.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The shared encoder trunk: levels of 3x3 ReLU convolutions separated by 2x2 max-pools, then the
 * ReLU dense layers. Kinds put their own head (a latent layer, or mean and log-variance) on the
 * features it returns, in the same {@code encoder} scope.
 */
public final class ConvEncoder {
  private final AutoencoderConfig config;

  public ConvEncoder(AutoencoderConfig config) {
    this.config = config;
  }

  /** Features [B, last dense width] (or the flattened maps when there are no dense layers). */
  public Operand<TFloat32> features(
      Ops encoderScope, ModelContext context, Operand<TFloat32> images) {
    ConvLayout layout = context.layout();
    Operand<TFloat32> x = layout.fromNhwc(encoderScope, images);
    for (int level = 0; level < config.levels(); level++) {
      Ops levelScope = encoderScope.withSubScope("level" + (level + 1));
      if (level > 0) {
        x = new MaxPoolLayer().apply(levelScope.withSubScope("pool"), context, x);
      }
      for (int c = 0; c < config.convolutionsPerLevel(); c++) {
        x =
            new Conv2dLayer(config.filters().get(level), 3, Activation.RELU)
                .apply(levelScope.withSubScope("conv" + (c + 1)), context, x);
      }
    }
    int flat =
        config.bottomHeight() * config.bottomWidth() * config.filters().get(config.levels() - 1);
    x = layout.toNhwc(encoderScope, x);
    x = encoderScope.withName("flatten").reshape(x, encoderScope.constant(new int[] {-1, flat}));
    for (int i = 0; i < config.denseWidths().size(); i++) {
      Ops denseScope = encoderScope.withSubScope("dense" + (i + 1));
      x =
          new DenseLayer(config.denseWidths().get(i), Activation.RELU)
              .apply(denseScope, context, x);
      x = new DropoutLayer(config.dropout()).apply(denseScope, context, x);
    }
    return x;
  }
}
