package io.latentquery.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The shared decoder, the encoder mirrored: ReLU dense layers, a dense layer to the deepest level's
 * maps, then levels of 3x3 ReLU convolutions joined by 2x2 stride-2 transposed convolutions, and a
 * final 3x3 convolution to the image's channels. Returns logits; the reconstruction is their
 * sigmoid.
 */
public final class ConvDecoder {
  private final AutoencoderConfig config;

  public ConvDecoder(AutoencoderConfig config) {
    this.config = config;
  }

  /**
   * Images [B, H, W, C] in [0,1] from latent points [B, L], built in the {@code decoder} scope of
   * {@code tf} with the output named {@code image}: the decoder every kind exports.
   */
  public Operand<TFloat32> image(Ops tf, ModelContext context, Operand<TFloat32> latent) {
    Ops scope = tf.withSubScope("decoder");
    return scope.withName("image").math.sigmoid(logits(scope, context, latent));
  }

  /** Logits [B, H, W, C] from latent points [B, L]. */
  public Operand<TFloat32> logits(
      Ops decoderScope, ModelContext context, Operand<TFloat32> latent) {
    Operand<TFloat32> x = latent;
    int dense = config.denseWidths().size();
    for (int i = 0; i < dense; i++) {
      Ops denseScope = decoderScope.withSubScope("dense" + (i + 1));
      x =
          new DenseLayer(config.denseWidths().get(dense - 1 - i), Activation.RELU)
              .apply(denseScope, context, x);
      x = new DropoutLayer(config.dropout()).apply(denseScope, context, x);
    }
    int last = config.levels() - 1;
    int height = config.bottomHeight();
    int width = config.bottomWidth();
    int bottomFilters = config.filters().get(last);
    x =
        new DenseLayer(height * width * bottomFilters, Activation.RELU)
            .apply(decoderScope.withSubScope("to_maps"), context, x);
    x =
        decoderScope
            .withName("unflatten")
            .reshape(x, decoderScope.constant(new int[] {-1, height, width, bottomFilters}));
    ConvLayout layout = context.layout();
    x = layout.fromNhwc(decoderScope, x);
    for (int level = last; level >= 0; level--) {
      Ops levelScope = decoderScope.withSubScope("level" + (level + 1));
      if (level < last) {
        x =
            new UpConv2dLayer(config.filters().get(level), Activation.RELU)
                .apply(levelScope.withSubScope("up"), context, x);
      }
      for (int c = 0; c < config.convolutionsPerLevel(); c++) {
        x =
            new Conv2dLayer(config.filters().get(level), 3, Activation.RELU)
                .apply(levelScope.withSubScope("conv" + (c + 1)), context, x);
      }
    }
    x =
        new Conv2dLayer(config.input().channels(), 3, Activation.LINEAR)
            .apply(decoderScope.withSubScope("logits"), context, x);
    return layout.toNhwc(decoderScope, x);
  }
}
