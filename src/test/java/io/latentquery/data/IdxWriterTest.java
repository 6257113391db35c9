package io.latentquery.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxWriterTest {
  @TempDir Path dir;

  @Test
  void imagesAndLabelsRoundTripThroughIdxFile() throws Exception {
    byte[] pixels = new byte[2 * 3 * 4];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (i * 11);
    }
    Path images = dir.resolve("images-idx3-ubyte.gz");
    Path labels = dir.resolve("labels-idx1-ubyte.gz");
    IdxWriter.write(images, new int[] {2, 3, 4}, pixels);
    IdxWriter.write(labels, new int[] {2}, new byte[] {7, (byte) 200});

    byte[] raw = Files.readAllBytes(images);
    assertEquals(0x1f, raw[0] & 0xff, "gzipped");
    assertEquals(0x8b, raw[1] & 0xff, "gzipped");
    IdxFile readImages = IdxFile.read(images, 3);
    assertArrayEquals(new int[] {2, 3, 4}, readImages.dims());
    assertArrayEquals(pixels, readImages.data());
    IdxFile readLabels = IdxFile.read(labels, 1);
    assertArrayEquals(new byte[] {7, (byte) 200}, readLabels.data());

    Dataset dataset = IdxDatasets.read("t", images, labels, null);
    assertEquals(200, dataset.label(1), "labels are unsigned");
    assertEquals((23 * 11 & 0xff) / 255f, dataset.image(1)[11], 1e-7f);
  }

  @Test
  void aDatasetIsWrittenBackByteForByte() {
    byte[] pixels = {0, 1, (byte) 128, (byte) 254, (byte) 255, 17, 33, 99};
    Dataset dataset =
        new ByteImageDataset(
            "d",
            new ImageShape(2, 2, 1),
            pixels,
            new int[] {3, 9},
            List.of(),
            Integer::toString,
            "x");
    Path images = dir.resolve("i.gz");
    Path labels = dir.resolve("l.gz");
    IdxWriter.writeImages(images, dataset);
    IdxWriter.writeLabels(labels, dataset);
    assertArrayEquals(pixels, IdxFile.read(images, 3).data());
    assertArrayEquals(new byte[] {3, 9}, IdxFile.read(labels, 1).data());
  }

  @Test
  void theSameValuesGiveTheSameBytes() throws Exception {
    byte[] data = {1, 2, 3, 4, 5, 6};
    IdxWriter.write(dir.resolve("a.gz"), new int[] {6}, data);
    Thread.sleep(1100);
    IdxWriter.write(dir.resolve("b.gz"), new int[] {6}, data);
    assertArrayEquals(
        Files.readAllBytes(dir.resolve("a.gz")), Files.readAllBytes(dir.resolve("b.gz")));
  }

  @Test
  void dimensionsThatDoNotMatchTheDataAreRefused() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> IdxWriter.write(dir.resolve("x.gz"), new int[] {2, 2, 2}, new byte[7]));
    assertTrue(e.getMessage().contains("[2, 2, 2] hold 8 values, got 7"), e.getMessage());
    var label = assertThrows(IllegalArgumentException.class, () -> IdxWriter.labelByte(256));
    assertEquals("IDX labels must be 0..255, got 256", label.getMessage());
  }

  @Test
  void aPoolPastTwoGibibytesIsRefusedInsteadOfOverflowing() {
    // 2,200 images of 1000x1000 are 2.2e9 bytes; the synthetic pool holds none of them.
    Dataset big = new SyntheticImages(new ImageShape(1000, 1000, 1), 2_200, 1);
    io.latentquery.InputException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            io.latentquery.InputException.class, () -> IdxWriter.pixelBytes(big));
    org.junit.jupiter.api.Assertions.assertTrue(
        e.getMessage().contains("holds 2200000000 pixel bytes"), e.getMessage());
  }
}
