package io.latentquery.cli;

import io.latentquery.data.DataCatalog;
import io.latentquery.data.DataRequest;
import io.latentquery.data.DatasetImporter;
import io.latentquery.data.FolderSplit;
import io.latentquery.data.ImageFolderOptions;
import io.latentquery.data.ImageShape;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lq data import}: an image folder, with its split, converted once to IDX files. */
@Command(
    name = "import",
    header = "Convert an image folder once into fast IDX files.",
    mixinStandardHelpOptions = true,
    description = {
      "Read a grayscale image folder, split by its train/, val/ and test/ sub-folders, by",
      "--validation-split and --test-split, or by its dataset.json, and write it as gzipped IDX",
      "files with a dataset.json (pool, then validation, in the training file), ids.csv (each",
      "example's image path) and import.json (source checksum and provenance). The folder DIR",
      "then works as --data for every command and is read much faster than the images."
    })
final class ImportCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin VerboseMixin verbose;

  @Parameters(index = "0", paramLabel = "FOLDER", description = "The image folder.")
  Path folder;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "The dataset folder to write.")
  Path out;

  @Option(names = "--resize", paramLabel = "HxW", description = "Scale every image to this size.")
  String resize;

  @Option(
      names = "--validation-split",
      paramLabel = "F",
      description = "Take this fraction of each class for validation (kept in dataset.json).")
  Double validationSplit;

  @Option(
      names = "--test-split",
      paramLabel = "F",
      description = "Take this fraction of each class for test (kept in dataset.json).")
  Double testSplit;

  @Option(
      names = "--split-seed",
      defaultValue = "0",
      paramLabel = "S",
      description = "Seed of the fraction split (default: ${DEFAULT-VALUE}).")
  long splitSeed;

  @Option(names = "--force", description = "Replace the folder if it exists.")
  boolean force;

  @Override
  public Integer call() {
    FolderSplit split =
        validationSplit == null && testSplit == null
            ? null
            : new FolderSplit(
                validationSplit == null ? 0 : validationSplit,
                testSplit == null ? 0 : testSplit,
                splitSeed);
    DataRequest request =
        new DataRequest(
            folder.toString(),
            null,
            null,
            new ImageFolderOptions(1, resize == null ? null : ImageShape.parse(resize), split));
    var source = DataCatalog.standard().open(request);
    DatasetImporter.Summary summary = new DatasetImporter().write(source, request, out, force);
    spec.commandLine()
        .getOut()
        .println(
            "wrote "
                + out
                + ": pool "
                + summary.sizes().get(0)
                + ", validation "
                + summary.sizes().get(1)
                + ", test "
                + summary.sizes().get(2)
                + (summary.classNames().isEmpty()
                    ? ", unlabeled"
                    : ", classes " + summary.classNames()));
    return 0;
  }
}
