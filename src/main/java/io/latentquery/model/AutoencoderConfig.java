package io.latentquery.model;

import io.latentquery.SettingException;
import io.latentquery.data.ImageShape;
import io.latentquery.model.loss.TsneSettings;
import io.latentquery.model.loss.VariationalSettings;
import java.util.Collections;
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
 * @param denseWidths widths of the ReLU dense layers between the convolutions and the latent layer
 *     (mirrored in the decoder)
 * @param dropout probability of dropping a dense unit during training, in [0,1)
 * @param variational the KL weight beta of the variational kinds ({@code vae}, {@code vtsne}); null
 *     for the others. A variational kind given null gets {@link VariationalSettings#defaults()};
 *     any other kind given settings is refused, so settings.json never records an option that had
 *     no effect.
 * @param tsne perplexity, degrees of freedom and weight of the t-SNE term of the t-SNE kinds
 *     ({@code tsne}, {@code vtsne}); null for the others, with the same defaulting and refusal
 */
public record AutoencoderConfig(
    ModelKind kind,
    ImageShape input,
    int latentDim,
    List<Integer> filters,
    int convolutionsPerLevel,
    List<Integer> denseWidths,
    double dropout,
    VariationalSettings variational,
    TsneSettings tsne) {

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
      throw new SettingException("latentDim", "must be >= 1, got " + latentDim);
    }
    filters = List.copyOf(filters);
    denseWidths = List.copyOf(denseWidths);
    if (filters.isEmpty()) {
      throw new SettingException("filters", "must name at least one level, got []");
    }
    for (int f : filters) {
      if (f < 1) {
        throw new SettingException("filters", "must all be >= 1, got " + filters);
      }
    }
    if (convolutionsPerLevel < 1) {
      throw new SettingException(
          "convolutionsPerLevel", "must be >= 1, got " + convolutionsPerLevel);
    }
    for (int w : denseWidths) {
      if (w < 1) {
        throw new SettingException("denseWidths", "must all be >= 1, got " + denseWidths);
      }
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new SettingException("dropout", "must be in [0,1), got " + dropout);
    }
    if (kind.variational()) {
      variational = variational == null ? VariationalSettings.defaults() : variational;
    } else if (variational != null) {
      throw new IllegalArgumentException(
          "beta applies only to the variational kinds ("
              + ModelKind.ids(ModelKind::variational)
              + "), not "
              + kind);
    }
    if (kind.tsne()) {
      tsne = tsne == null ? TsneSettings.defaults() : tsne;
    } else if (tsne != null) {
      throw new IllegalArgumentException(
          "perplexity, dof and t-SNE weight apply only to the t-SNE kinds ("
              + ModelKind.ids(ModelKind::tsne)
              + "), not "
              + kind);
    }
    int divisor = 1 << (filters.size() - 1);
    if (input.height() % divisor != 0 || input.width() % divisor != 0) {
      throw new IllegalArgumentException(
          "image size "
              + input.height()
              + "x"
              + input.width()
              + " does not divide by "
              + divisor
              + " (2^(levels-1) for "
              + filters.size()
              + " levels); resize the images or use fewer levels");
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

  /**
   * The fewest output channels of the model's convolutions: the narrowest level's filters, or the
   * decoder's last convolution, which gives one channel per image channel.
   */
  public int fewestConvolutionFilters() {
    return Math.min(Collections.min(filters), input.channels());
  }

  /**
   * The fewest images a batch of this model may hold: 1, or for the t-SNE kinds {@link
   * TsneSettings#minimumBatchSize()} (more images than the perplexity, and at least 3). The trainer
   * folds a smaller last batch into the one before it.
   */
  public int minimumBatchSize() {
    return tsne == null ? 1 : tsne.minimumBatchSize();
  }

  public Builder toBuilder() {
    return new Builder()
        .kind(kind)
        .input(input)
        .latentDim(latentDim)
        .filters(filters)
        .convolutionsPerLevel(convolutionsPerLevel)
        .denseWidths(denseWidths)
        .dropout(dropout)
        .variational(variational)
        .tsne(tsne);
  }

  /** A builder holding the {@code paper} sizes for 28x28x1 images, latent dimension 2. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A preset's sizes for {@code input}: {@code paper} (filters 64,32,32, three convolutions per
   * level, dense 1024,1024: the architecture of the method's report) or {@code small} (filters 8,8,
   * one convolution per level, dense 64: seconds per epoch, for tests and a quick start).
   */
  public static Builder preset(String name, ImageShape input) {
    Builder builder = builder().input(input);
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "paper" -> builder;
      case "small" ->
          builder.filters(List.of(8, 8)).convolutionsPerLevel(1).denseWidths(List.of(64));
      default ->
          throw new SettingException(
              "preset", "must be one of " + String.join(", ", PRESETS) + ", got '" + name + "'");
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
    private VariationalSettings variational;
    private TsneSettings tsne;

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

    /** The KL weight of a variational kind; null (the default) gives the kind's defaults. */
    public Builder variational(VariationalSettings variational) {
      this.variational = variational;
      return this;
    }

    /** The t-SNE term of a t-SNE kind; null (the default) gives the kind's defaults. */
    public Builder tsne(TsneSettings tsne) {
      this.tsne = tsne;
      return this;
    }

    public AutoencoderConfig build() {
      return new AutoencoderConfig(
          kind,
          input,
          latentDim,
          filters,
          convolutionsPerLevel,
          denseWidths,
          dropout,
          variational,
          tsne);
    }
  }
}
