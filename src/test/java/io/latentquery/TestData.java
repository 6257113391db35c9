package io.latentquery;

import io.latentquery.data.BuiltinDataset;
import io.latentquery.data.DataCatalog;
import io.latentquery.data.DataFetcher;
import io.latentquery.data.DataRequest;
import io.latentquery.data.Dataset;
import io.latentquery.data.Split;
import java.nio.file.Path;
import java.util.List;

/**
 * Real MNIST for tests: fetched once per test JVM, through the product's own fetcher, from the
 * artifact that Maven copies into target/test-datasets (see the pom).
 */
public final class TestData {
  private static DataCatalog catalog;

  private TestData() {}

  public static synchronized DataCatalog catalog() {
    if (catalog == null) {
      Path dataDir = Path.of(System.getProperty("lq.test.data.dir", "target/test-data"));
      Path jar =
          Path.of(
              System.getProperty(
                  "lq.test.datasets.jar", "target/test-datasets/datasets-artifact.jar"));
      new DataFetcher(dataDir).fetch(List.of(BuiltinDataset.MNIST), jar, false);
      catalog = new DataCatalog(dataDir);
    }
    return catalog;
  }

  /** The data folder holding the fetched MNIST files (for CLI tests: -Dlq.data.dir). */
  public static Path dataDir() {
    return catalog().dataDir();
  }

  /** The first {@code n} MNIST pool images. */
  public static Dataset mnistPool(int n) {
    return catalog().open(DataRequest.of("mnist")).split(Split.POOL).limit(n);
  }

  /** The first {@code n} MNIST test images. */
  public static Dataset mnistTest(int n) {
    return catalog().open(DataRequest.of("mnist")).split(Split.TEST).limit(n);
  }
}
