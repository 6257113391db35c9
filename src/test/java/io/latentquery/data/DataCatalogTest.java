package io.latentquery.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCatalogTest {
  @TempDir Path dir;

  @Test
  void unfetchedBuiltinSaysWhichCommandFetchesIt() {
    DataCatalog catalog = new DataCatalog(dir);
    InputException e =
        assertThrows(InputException.class, () -> catalog.open(DataRequest.of("mnist")));
    assertTrue(e.getMessage().startsWith("dataset mnist is not fetched"), e.getMessage());
    assertTrue(e.getMessage().endsWith("run: scripts/lq data fetch"), e.getMessage());
  }

  @Test
  void corruptBuiltinFileIsRefusedByChecksum() throws IOException {
    Path mnist = dir.resolve("mnist");
    Files.createDirectories(mnist);
    byte[] images = IdxFileTest.gzip(IdxFileTest.idx(new int[] {2, 1, 1}, new byte[] {1, 2}));
    byte[] labels = IdxFileTest.gzip(IdxFileTest.idx(new int[] {2}, new byte[] {1, 2}));
    for (String f : BuiltinDataset.MNIST.sha256ByFile().keySet()) {
      Files.write(mnist.resolve(f), f.contains("images") ? images : labels);
    }
    InputException e =
        assertThrows(
            InputException.class, () -> new DataCatalog(dir).open(DataRequest.of("mnist")));
    assertTrue(e.getMessage().startsWith("corrupt file"), e.getMessage());
  }

  @Test
  void idxPathFindsLabelsBesideAndSplitsOnRequest() throws IOException {
    byte[] pixels = new byte[10];
    byte[] labelBytes = new byte[10];
    for (int i = 0; i < 10; i++) {
      pixels[i] = (byte) i;
      labelBytes[i] = (byte) (i % 2);
    }
    Path images = dir.resolve("train-images-idx3-ubyte");
    Files.write(images, IdxFileTest.idx(new int[] {10, 1, 1}, pixels));
    Files.write(
        dir.resolve("train-labels-idx1-ubyte"), IdxFileTest.idx(new int[] {10}, labelBytes));

    SplitDataset all = new DataCatalog(dir).open(DataRequest.of(images.toString()));
    assertEquals(10, all.split(Split.POOL).size());
    assertEquals(0, all.split(Split.VALIDATION).size());
    assertTrue(all.split(Split.POOL).hasLabels());

    SplitDataset split =
        new DataCatalog(dir).open(new DataRequest(images.toString(), null, 3, null));
    assertEquals(7, split.split(Split.POOL).size());
    assertEquals("7", split.split(Split.VALIDATION).id(0));
    assertNotEquals(split.split(Split.POOL).checksum(), split.split(Split.VALIDATION).checksum());
    InputException noTest = assertThrows(InputException.class, () -> split.split(Split.TEST));
    assertTrue(noTest.getMessage().contains("has no test split"));
  }

  @Test
  void impossibleSplitsAndUnknownNamesAreRefused() throws IOException {
    Path images = dir.resolve("x-images-idx3-ubyte");
    Files.write(images, IdxFileTest.idx(new int[] {4, 1, 1}, new byte[4]));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new DataCatalog(dir).open(new DataRequest(images.toString(), 4, 1, null)));
    assertTrue(e.getMessage().contains("exceed the 4 training examples"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new DataRequest("x", 0, null, null));
    InputException unknown =
        assertThrows(
            InputException.class, () -> new DataCatalog(dir).open(DataRequest.of("no-such-data")));
    assertTrue(unknown.getMessage().startsWith("unknown dataset 'no-such-data'"));
  }
}
