package io.latentquery.data;

import io.latentquery.InputException;
import io.latentquery.files.AtomicFiles;
import io.latentquery.files.Checksums;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Puts the built-in datasets under the data folder. Their IDX files ship inside the Maven Central
 * artifact {@value #ARTIFACT}, which Maven brings into the local repository (no other network);
 * Fashion-MNIST can also come from Debian's {@code dataset-fashion-mnist} package. Each file is
 * checked against the SHA-256 of its decompressed content before it is written, atomically.
 */
public final class DataFetcher {
  public static final String ARTIFACT = "org.jetbrains.kotlinx:kotlin-deeplearning-api:0.1.1";
  static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

  private static final Logger LOG = LogManager.getLogger(DataFetcher.class);

  private final Path dataDir;

  public DataFetcher(Path dataDir) {
    this.dataDir = dataDir;
  }

  /** The artifact's path in the local Maven repository ({@code -Dmaven.repo.local} respected). */
  public static Path artifactInLocalRepository() {
    String repo = System.getProperty("maven.repo.local");
    Path root =
        repo != null
            ? Path.of(repo)
            : Path.of(System.getProperty("user.home"), ".m2", "repository");
    return root.resolve(
        "org/jetbrains/kotlinx/kotlin-deeplearning-api/0.1.1/kotlin-deeplearning-api-0.1.1.jar");
  }

  /**
   * Fetches {@code datasets} from {@code jar}; files already present with the right checksum are
   * kept unless {@code force}. Returns the files written.
   */
  public List<Path> fetch(List<BuiltinDataset> datasets, Path jar, boolean force) {
    List<Path> written = new ArrayList<>();
    for (BuiltinDataset dataset : datasets) {
      Path folder = dataDir.resolve(dataset.id());
      for (Map.Entry<String, String> file : dataset.sha256ByFile().entrySet()) {
        Path target = folder.resolve(file.getKey());
        if (!force && Files.isRegularFile(target) && matches(target, file.getValue())) {
          LOG.info("{} is present and verified", target);
          continue;
        }
        byte[] gz = read(dataset, file.getKey(), jar);
        String sha256 = sha256OfGunzipped(gz, file.getKey());
        if (!sha256.equals(file.getValue())) {
          throw new InputException(
              "checksum mismatch for "
                  + dataset.id()
                  + "/"
                  + file.getKey()
                  + ": SHA-256 "
                  + sha256
                  + ", expected "
                  + file.getValue());
        }
        AtomicFiles.writeBytes(target, gz);
        LOG.info("wrote {} (SHA-256 verified)", target);
        written.add(target);
      }
    }
    return written;
  }

  private static byte[] read(BuiltinDataset dataset, String file, Path jar) {
    if (jar != null && Files.isRegularFile(jar)) {
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        ZipEntry entry = zip.getEntry(dataset.jarFolder() + file);
        if (entry != null) {
          try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
          }
        }
      } catch (IOException e) {
        throw new InputException("cannot read " + jar + ": " + e.getMessage(), e);
      }
    }
    if (dataset == BuiltinDataset.FASHION_MNIST
        && Files.isRegularFile(DEBIAN_FASHION_MNIST.resolve(file))) {
      try {
        return Files.readAllBytes(DEBIAN_FASHION_MNIST.resolve(file));
      } catch (IOException e) {
        throw new InputException(
            "cannot read " + DEBIAN_FASHION_MNIST.resolve(file) + ": " + e.getMessage(), e);
      }
    }
    throw new InputException(
        "no source for "
            + dataset.id()
            + "/"
            + file
            + ": "
            + (jar == null ? "no artifact" : jar)
            + " does not hold "
            + dataset.jarFolder()
            + file
            + "; run: mvn dependency:get -Dartifact="
            + ARTIFACT
            + " -Dtransitive=false");
  }

  private static boolean matches(Path file, String sha256) {
    try {
      return sha256OfGunzipped(Files.readAllBytes(file), file.toString()).equals(sha256);
    } catch (IOException | InputException e) {
      return false;
    }
  }

  private static String sha256OfGunzipped(byte[] gz, String name) {
    try {
      return Checksums.sha256(IdxFile.gunzip(gz));
    } catch (IOException e) {
      throw new InputException("corrupt gzip file " + name + ": " + e.getMessage(), e);
    }
  }
}
