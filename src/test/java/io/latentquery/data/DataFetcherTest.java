package io.latentquery.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.InputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFetcherTest {
  @TempDir Path dir;

  @Test
  void aFileWhoseChecksumDiffersIsNotWritten() throws IOException {
    Path jar = dir.resolve("fake.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      for (String name : BuiltinDataset.MNIST.sha256ByFile().keySet()) {
        zip.putNextEntry(new ZipEntry("datasets/mnist/" + name));
        zip.write(IdxFileTest.gzip(IdxFileTest.idx(new int[] {1}, new byte[] {3})));
        zip.closeEntry();
      }
    }
    Path dataDir = dir.resolve("data");
    InputException e =
        assertThrows(
            InputException.class,
            () -> new DataFetcher(dataDir).fetch(List.of(BuiltinDataset.MNIST), jar, false));
    assertTrue(e.getMessage().startsWith("checksum mismatch for mnist/"), e.getMessage());
    assertFalse(
        Files.exists(dataDir.resolve("mnist"))
            && Files.list(dataDir.resolve("mnist")).findAny().isPresent());
  }

  @Test
  void aJarWithoutTheEntriesSaysHowToGetTheArtifact() throws IOException {
    Path jar = dir.resolve("empty.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry("README"));
      zip.closeEntry();
    }
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                new DataFetcher(dir.resolve("data"))
                    .fetch(List.of(BuiltinDataset.MNIST), jar, false));
    assertTrue(
        e.getMessage().contains("mvn dependency:get -Dartifact=" + DataFetcher.ARTIFACT),
        e.getMessage());
  }
}
