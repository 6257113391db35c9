package io.latentquery.cli;

import io.latentquery.model.AutoencoderConfig;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Architecture options shared by the commands that train an autoencoder: --latent-dim, and
 * --filters, --convolutions-per-level and --dense, which change the sizes of the chosen preset,
 * unset meaning the preset's own.
 */
public final class ArchitectureOptions {
  @Option(
      names = "--latent-dim",
      defaultValue = "2",
      paramLabel = "L",
      description = "Latent dimension (default: ${DEFAULT-VALUE}).")
  int latentDim;

  @Option(
      names = "--filters",
      split = ",",
      paramLabel = "F",
      description =
          "Filters of each convolution level, comma-separated; levels after the first start with a "
              + "2x2 max-pool, so the image sides must divide by 2^(levels-1) (default: the preset's).")
  List<Integer> filters;

  @Option(
      names = "--convolutions-per-level",
      paramLabel = "N",
      description = "3x3 convolutions in each level (default: the preset's).")
  Integer convolutionsPerLevel;

  @Option(
      names = "--dense",
      split = ",",
      paramLabel = "W",
      description =
          "Widths of the dense layers between the convolutions and the latent layer, comma-separated "
              + "(default: the preset's).")
  @Sets("denseWidths")
  List<Integer> dense;

  /** {@code preset} with the latent dimension and the sizes given on the command line. */
  public AutoencoderConfig.Builder apply(AutoencoderConfig.Builder preset) {
    preset.latentDim(latentDim);
    if (filters != null) {
      preset.filters(List.copyOf(filters));
    }
    if (convolutionsPerLevel != null) {
      preset.convolutionsPerLevel(convolutionsPerLevel);
    }
    if (dense != null) {
      preset.denseWidths(List.copyOf(dense));
    }
    return preset;
  }
}
