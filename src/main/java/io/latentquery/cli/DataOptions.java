package io.latentquery.cli;

import io.latentquery.data.DataCatalog;
import io.latentquery.data.DataRequest;
import io.latentquery.data.Dataset;
import io.latentquery.data.FolderSplit;
import io.latentquery.data.ImageFolderOptions;
import io.latentquery.data.ImageShape;
import io.latentquery.data.Split;
import io.latentquery.data.SplitDataset;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options that choose a dataset and a split, shared by every command that reads images. */
public final class DataOptions {
  @Option(
      names = "--data",
      required = true,
      paramLabel = "NAME|PATH",
      description =
          "mnist, fashion-mnist (after 'lq data fetch'), an image folder (split by train/, val/ and test/ sub-folders when it has them), a folder with dataset.json, or an IDX image file.")
  String dataset;

  @Option(
      names = "--pool-size",
      paramLabel = "N",
      description = "Pool size (default: 50000 for built-ins, every example for a path).")
  Integer poolSize;

  @Option(
      names = "--validation-size",
      paramLabel = "N",
      description = "Validation size (default: 10000 for built-ins, 0 for a path).")
  Integer validationSize;

  @Option(
      names = "--validation-split",
      paramLabel = "F",
      description =
          "Image folders: take this fraction of each class for validation; the split is kept in the"
              + " folder's dataset.json.")
  Double validationSplit;

  @Option(
      names = "--test-split",
      paramLabel = "F",
      description =
          "Image folders: take this fraction of each class for test; kept with --validation-split.")
  Double testSplit;

  @Option(
      names = "--split-seed",
      paramLabel = "S",
      description = "Seed of --validation-split and --test-split (default: 0).")
  Long splitSeed;

  @Option(
      names = "--channels",
      defaultValue = "1",
      description =
          "Image folders: 1 converts to grayscale, 3 keeps RGB (default: ${DEFAULT-VALUE}).")
  int channels;

  @Option(
      names = "--resize",
      paramLabel = "HxW",
      converter = ImageShapeConverter.class,
      description = "Image folders: scale every image to this size.")
  ImageShape resize;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Use only the first N examples of the split.")
  Integer limit;

  public DataRequest request() {
    return new DataRequest(
        dataset, poolSize, validationSize, new ImageFolderOptions(channels, resize, folderSplit()));
  }

  /** The fraction split asked for, or null when neither fraction is given. */
  private FolderSplit folderSplit() {
    if (validationSplit == null && testSplit == null) {
      if (splitSeed != null) {
        throw new io.latentquery.SettingException(
            "splitSeed", "--split-seed", "needs --validation-split or --test-split");
      }
      return null;
    }
    return new FolderSplit(
        validationSplit == null ? 0 : validationSplit,
        testSplit == null ? 0 : testSplit,
        splitSeed == null ? 0 : splitSeed);
  }

  public SplitDataset open() {
    return DataCatalog.standard().open(request());
  }

  /** Applies {@code --limit} to a split. */
  public Dataset limited(Dataset dataset) {
    return limit == null ? dataset : dataset.limit(limit);
  }

  public Dataset open(Split split) {
    return limited(open().split(split));
  }

  /** {@code --resize HxW}: a malformed size is a usage error when the command line is parsed. */
  static final class ImageShapeConverter implements ITypeConverter<ImageShape> {
    @Override
    public ImageShape convert(String value) {
      try {
        return ImageShape.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
