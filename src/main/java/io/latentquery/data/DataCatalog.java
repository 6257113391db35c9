package io.latentquery.data;

import io.latentquery.InputException;
import io.latentquery.files.Json;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds a dataset by name: a built-in one ({@code mnist}, {@code fashion-mnist}) under the data
 * folder, a folder with a {@code dataset.json} (an IDX manifest or a kept image-folder split), an
 * image folder split by its {@code train/}, {@code val/} and {@code test/} sub-folders, an image
 * folder split by fraction, a plain image folder, or an IDX image file (with its labels file beside
 * it when there is one).
 */
public final class DataCatalog {
  /** System property, then environment variable, naming the data folder. */
  public static final String DATA_DIR_PROPERTY = "lq.data.dir";

  public static final String DATA_DIR_ENV = "LQ_DATA";

  private final Path dataDir;

  public DataCatalog(Path dataDir) {
    this.dataDir = dataDir;
  }

  /** The data folder: {@code -Dlq.data.dir}, else {@code $LQ_DATA}, else {@code ./data}. */
  public static Path defaultDataDir() {
    String property = System.getProperty(DATA_DIR_PROPERTY);
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String env = System.getenv(DATA_DIR_ENV);
    return Path.of(env != null && !env.isBlank() ? env : "data");
  }

  public static DataCatalog standard() {
    return new DataCatalog(defaultDataDir());
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Opens {@code request.dataset()} and splits it as requested. */
  public SplitDataset open(DataRequest request) {
    String name = request.dataset();
    var builtin = BuiltinDataset.byId(name);
    if (builtin.isPresent()) {
      return openBuiltin(builtin.get(), request);
    }
    Path path = Path.of(name);
    Path manifestFile = path.resolve(DatasetManifest.FILE_NAME);
    if (Files.isDirectory(path) && Files.isRegularFile(manifestFile)) {
      if (FolderSplits.isRecord(manifestFile)) {
        return FolderSplits.open(path, request);
      }
      refuseFractions(request, name);
      DatasetManifest manifest = Json.read(manifestFile, DatasetManifest.class);
      return openManifest(path, manifest, request, null);
    }
    if (Files.isDirectory(path) && SplitFolders.isSplitFolder(path)) {
      return SplitFolders.open(path, request);
    }
    if (Files.isDirectory(path) && request.folderOptions().split() != null) {
      return FolderSplits.open(path, request);
    }
    refuseFractions(request, name);
    if (Files.isDirectory(path)) {
      Dataset all = new ImageFolderReader(request.folderOptions()).read(path);
      return split(name, all, null, request, all.size(), 0);
    }
    if (Files.isRegularFile(path)) {
      Path labels = labelsBeside(path);
      Dataset all = IdxDatasets.read(name, path, labels, null);
      return split(name, all, null, request, all.size(), 0);
    }
    throw new InputException(
        "unknown dataset '" + name + "': not mnist, fashion-mnist, an image folder or an IDX file");
  }

  private static void refuseFractions(DataRequest request, String name) {
    if (request.folderOptions().split() != null) {
      throw new IllegalArgumentException(
          "--validation-split and --test-split apply to image folders; "
              + name
              + " is not one (use --validation-size)");
    }
  }

  private SplitDataset openBuiltin(BuiltinDataset builtin, DataRequest request) {
    refuseFractions(request, builtin.id());
    Path folder = dataDir.resolve(builtin.id());
    DatasetManifest manifest = builtin.manifest();
    for (String file : builtin.sha256ByFile().keySet()) {
      if (!Files.isRegularFile(folder.resolve(file))) {
        throw new InputException(
            "dataset "
                + builtin.id()
                + " is not fetched (missing "
                + folder.resolve(file)
                + "); run: scripts/lq data fetch");
      }
    }
    return openManifest(folder, manifest, request, builtin);
  }

  private SplitDataset openManifest(
      Path folder, DatasetManifest manifest, DataRequest request, BuiltinDataset expected) {
    Dataset train =
        readIdx(
            manifest.name(),
            folder,
            manifest.trainImages(),
            manifest.trainLabels(),
            manifest,
            expected);
    Dataset test =
        manifest.testImages() == null
            ? null
            : readIdx(
                manifest.name() + "/test",
                folder,
                manifest.testImages(),
                manifest.testLabels(),
                manifest,
                expected);
    return split(
        manifest.name(), train, test, request, manifest.poolSize(), manifest.validationSize());
  }

  private static Dataset readIdx(
      String name,
      Path folder,
      String images,
      String labels,
      DatasetManifest manifest,
      BuiltinDataset expected) {
    Path imagesPath = folder.resolve(images);
    Path labelsPath = labels == null ? null : folder.resolve(labels);
    return IdxDatasets.read(
        name,
        imagesPath,
        labelsPath,
        manifest.classNames(),
        (file, sha256) -> {
          if (expected != null) {
            verify(expected, file, sha256);
          }
        });
  }

  private static void verify(BuiltinDataset dataset, Path file, String got) {
    String want = dataset.sha256ByFile().get(file.getFileName().toString());
    if (!got.equals(want)) {
      throw new InputException(
          "corrupt file "
              + file
              + ": SHA-256 "
              + got
              + ", expected "
              + want
              + "; run: scripts/lq data fetch --force");
    }
  }

  private static SplitDataset split(
      String name,
      Dataset train,
      Dataset test,
      DataRequest request,
      int defaultPool,
      int defaultValidation) {
    int validation =
        request.validationSize() != null ? request.validationSize() : defaultValidation;
    int pool =
        request.poolSize() != null
            ? request.poolSize()
            : request.validationSize() != null && defaultValidation == 0
                ? train.size() - validation
                : defaultPool;
    return new SplitDataset(name, train, test, pool, validation);
  }

  private static Path labelsBeside(Path images) {
    String file = images.getFileName().toString();
    if (!file.contains("images-idx3")) {
      return null;
    }
    Path labels = images.resolveSibling(file.replace("images-idx3", "labels-idx1"));
    return Files.isRegularFile(labels) ? labels : null;
  }
}
