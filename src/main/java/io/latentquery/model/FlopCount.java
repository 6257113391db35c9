package io.latentquery.model;

/**
 * The arithmetic of one image through an autoencoder, counted from its architecture as {@link
 * ConvEncoder}, the latent heads and {@link ConvDecoder} build it: the multiply-adds of the
 * convolutions and dense layers, the work that dominates. Bias additions, activations, pooling, the
 * sigmoid and the loss terms are elementwise or per batch and are not counted.
 *
 * <p>Per layer: a 3x3 SAME convolution costs {@code H * W * 9 * C_in * C_out} (stride 1, so the
 * output is H x W, padding included); the 2x2 stride-2 transposed convolution costs {@code H_out *
 * W_out * C_in * C_out} (its windows do not overlap: each output pixel sees one input pixel's
 * channels); a dense layer costs {@code in * out}. A FLOP is half a multiply-add.
 *
 * @param encoderMultiplyAdds multiply-adds of the encoder per image, latent head included (one
 *     dense layer of L units, or of 2L for the Gaussian head's mean and log-variance)
 * @param decoderMultiplyAdds multiply-adds of the decoder per image, from the latent point to the
 *     image's logits
 */
public record FlopCount(long encoderMultiplyAdds, long decoderMultiplyAdds) {

  /**
   * A training step costs about three forward passes per image: the forward pass, then in the
   * backward pass one product for the gradient of each layer's input and one for its weights, each
   * as large as the forward product. (The first convolution needs no input gradient, so this
   * slightly overcounts; the optimizer's update is per weight, not per image.)
   */
  public static final int TRAINING_FORWARD_PASSES = 3;

  /** The count for {@code config}'s architecture and kind. */
  public static FlopCount of(AutoencoderConfig config) {
    long height = config.input().height();
    long width = config.input().width();
    long channels = config.input().channels();
    long encoder = 0;
    for (int level = 0; level < config.levels(); level++) {
      long pixels = (height >> level) * (width >> level);
      long filters = config.filters().get(level);
      for (int c = 0; c < config.convolutionsPerLevel(); c++) {
        encoder += convolution(pixels, channels, filters);
        channels = filters;
      }
    }
    long bottomFilters = config.filters().get(config.levels() - 1);
    long flat = config.bottomHeight() * (long) config.bottomWidth() * bottomFilters;
    long features = flat;
    for (int denseWidth : config.denseWidths()) {
      encoder += features * denseWidth;
      features = denseWidth;
    }
    int headUnits = config.kind().variational() ? 2 * config.latentDim() : config.latentDim();
    encoder += features * headUnits;

    long decoder = 0;
    long units = config.latentDim();
    for (int i = config.denseWidths().size() - 1; i >= 0; i--) {
      long next = config.denseWidths().get(i);
      decoder += units * next;
      units = next;
    }
    decoder += units * flat;
    channels = bottomFilters;
    for (int level = config.levels() - 1; level >= 0; level--) {
      long pixels = (height >> level) * (width >> level);
      long filters = config.filters().get(level);
      if (level < config.levels() - 1) {
        decoder += pixels * channels * filters;
        channels = filters;
      }
      for (int c = 0; c < config.convolutionsPerLevel(); c++) {
        decoder += convolution(pixels, channels, filters);
        channels = filters;
      }
    }
    decoder += convolution(height * width, channels, config.input().channels());
    return new FlopCount(encoder, decoder);
  }

  private static long convolution(long pixels, long in, long out) {
    return pixels * 9 * in * out;
  }

  /** FLOPs of one image's forward pass through encoder and decoder (two per multiply-add). */
  public double forwardFlopsPerImage() {
    return 2.0 * (encoderMultiplyAdds + decoderMultiplyAdds);
  }

  /**
   * FLOPs per image of a training step: {@value #TRAINING_FORWARD_PASSES} forward passes (forward
   * and backward), an estimate good to a few percent for these networks.
   */
  public double trainingFlopsPerImage() {
    return TRAINING_FORWARD_PASSES * forwardFlopsPerImage();
  }

  /** FLOPs of encoding one image: the encoder's forward pass, latent head included. */
  public double encodingFlopsPerImage() {
    return 2.0 * encoderMultiplyAdds;
  }
}
