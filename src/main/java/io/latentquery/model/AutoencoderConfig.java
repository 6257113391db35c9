package io.latentquery.model;

import io.latentquery.data.ImageShape;
import java.util.List;
import java.util.Locale;

/**
 * The architecture of an autoencoder: which kind, the input images, the latent dimension and the
 * sizes of the shared convolutional encoder and decoder. Invalid sizes are refused here, with the
 * bad value named, before any graph is built.
 *
 * @param kind which autoencoder (head and loss)
 * @param input height, width and channels of the images
 * @param latentDim dimension L of the latent space
 * @param filters convolution filters per level, from the input down; a 2x2 max-pool separates
 *     levels, so height and width must divide by 2^(levels-1)
 * @param convolutionsPerLevel 3x3 convolutions in each level
 * @param denseWidths widths of the ReLU dense layers between the convolutions and the latent
 *     layer (mirrored in the decoder)
 * @param dropout probability of dropping a dense unit during training, in [0,1)
 */
public record AutoencoderConfig(
    ModelKind kind,
    ImageShape input,
    int latentDim,
    List<Integer> filters,
    int convolutionsPerLevel,
    List<Integer> denseWidths,
    double dropout) {

  /** The preset names {@link #preset} accepts. */
  public static final List<String> PRESETS = List.of("paper", "small");

  public AutoencoderConfig {
    if (kind == null) {
      throw new IllegalArgumentException("kind is required");
    }
    if (input == null) {
      throw new IllegalArgumentException("input image shape is required");
    }
    if (latentDim < 1) {
      throw new IllegalArgumentException("latentDim must be >= 1, got " + latentDim);
    }
    filters = List.copyOf(filters);
    denseWidths = List.copyOf(denseWidths);
    if (filters.isEmpty()) {
      throw new IllegalArgumentException("filters must name at least one level, got []");
    }
    for (int f : filters) {
      if (f < 1) {
        throw new IllegalArgumentException("filters must all be >= 1, got " + filters);
      }
    }
    if (convolutionsPerLevel < 1) {
      throw new IllegalArgumentException("convolutionsPerLevel must be >= 1, got " + convolutionsPerLevel);
    }
    for (int w : denseWidths) {
      if (w < 1) {
        throw new IllegalArgumentException("denseWidths must all be >= 1, got " + denseWidths);
      }
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout must be in [0,1), got " + dropout);
    }
    int divisor = 1 << (filters.size() - 1);
    if (input.height() % divisor != 0 || input.width() % divisor != 0) {
      throw new IllegalArgumentException(
          "image size " + input.height() + "x" + input.width() + " does not divide by " + divisor
              + " (2^(levels-1) for " + filters.size() + " levels); resize the images or use fewer levels");
    }
  }

  /** Height and width of the deepest level's feature maps. */
  public int bottomHeight() {
    return input.height() >> (filters.size() - 1);
  }

  public int bottomWidth() {
    return input.width() >> (filters.size() - 1);
  }

  public int levels() {
    return filters.size();
  }

  public Builder toBuilder() {
    return new Builder()
        .kind(kind)
        .input(input)
        .latentDim(latentDim)
        .filters(filters)
        .convolutionsPerLevel(convolutionsPerLevel)
        .denseWidths(denseWidths)
        .dropout(dropout);
  }

  /** A builder holding the {@code paper} sizes for 28x28x1 images, latent dimension 2. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A preset's sizes for {@code input}: {@code paper} (filters 64,32,32, three convolutions per
   * level, dense 1024,1024: the architecture of the method's report) or {@code small} (filters
   * 8,8, one convolution per level, dense 64: seconds per epoch, for tests and a quick start).
   */
  public static Builder preset(String name, ImageShape input) {
    Builder builder = builder().input(input);
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "paper" -> builder;
      case "small" -> builder.filters(List.of(8, 8)).convolutionsPerLevel(1).denseWidths(List.of(64));
      default -> throw new IllegalArgumentException(
          "preset must be one of " + String.join(", ", PRESETS) + ", got '" + name + "'");
    };
  }

  /** Builds a validated {@link AutoencoderConfig}; unset values keep the {@code paper} defaults. */
  public static final class Builder {
    private ModelKind kind = ModelKind.CONV;
    private ImageShape input = new ImageShape(28, 28, 1);
    private int latentDim = 2;
    private List<Integer> filters = List.of(64, 32, 32);
    private int convolutionsPerLevel = 3;
    private List<Integer> denseWidths = List.of(1024, 1024);
    private double dropout = 0;

    private Builder() {}

    public Builder kind(ModelKind kind) {
      this.kind = kind;
      return this;
    }

    public Builder input(ImageShape input) {
      this.input = input;
      return this;
    }

    public Builder latentDim(int latentDim) {
      this.latentDim = latentDim;
      return this;
    }

    public Builder filters(List<Integer> filters) {
      this.filters = filters;
      return this;
    }

    public Builder convolutionsPerLevel(int convolutionsPerLevel) {
      this.convolutionsPerLevel = convolutionsPerLevel;
      return this;
    }

    public Builder denseWidths(List<Integer> denseWidths) {
      this.denseWidths = denseWidths;
      return this;
    }

    public Builder dropout(double dropout) {
      this.dropout = dropout;
      return this;
    }

    public AutoencoderConfig build() {
      return new AutoencoderConfig(kind, input, latentDim, filters, convolutionsPerLevel, denseWidths, dropout);
    }
  }
}
