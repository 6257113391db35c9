package io.latentquery.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.InputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {
  @TempDir Path dir;

  /** An IDX file of unsigned bytes with the given dimensions and data. */
  static byte[] idx(int[] dims, byte[] data) {
    ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
    buffer.put((byte) 0).put((byte) 0).put((byte) 0x08).put((byte) dims.length);
    for (int d : dims) {
      buffer.putInt(d);
    }
    buffer.put(data);
    return buffer.array();
  }

  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  @Test
  void readsRawAndGzippedImagesWithLabels() throws IOException {
    // Two 2x3 images: pixel values 0..5 and 250..255; labels 7 and 1.
    byte[] pixels = new byte[12];
    for (int i = 0; i < 6; i++) {
      pixels[i] = (byte) i;
      pixels[6 + i] = (byte) (250 + i);
    }
    Path images = write("imgs-idx3-ubyte.gz", gzip(idx(new int[] {2, 2, 3}, pixels)));
    Path labels = write("labels-idx1-ubyte", idx(new int[] {2}, new byte[] {7, 1}));

    Dataset dataset = IdxDatasets.read("tiny", images, labels, null);

    assertEquals(new ImageShape(2, 3, 1), dataset.shape());
    assertEquals(2, dataset.size());
    assertEquals(7, dataset.label(0));
    assertEquals(1, dataset.label(1));
    assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7"), dataset.classNames());
    assertEquals("1", dataset.id(1));
    float[] second = dataset.image(1);
    assertEquals(250f / 255f, second[0], 1e-7f);
    assertEquals(1f, second[5], 1e-7f);
  }

  @Test
  void wrongMagicIsRefused() throws IOException {
    byte[] bytes = idx(new int[] {1, 1, 1}, new byte[] {0});
    bytes[0] = 0x1a;
    Path file = write("bad-magic", bytes);
    InputException e = assertThrows(InputException.class, () -> IdxFile.read(file, 3));
    assertTrue(e.getMessage().contains("magic number"), e.getMessage());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test
  void wrongElementTypeAndRankAreRefused() throws IOException {
    byte[] floats = idx(new int[] {1, 1, 1}, new byte[] {0});
    floats[2] = 0x0d;
    Path floatFile = write("floats", floats);
    assertTrue(
        assertThrows(InputException.class, () -> IdxFile.read(floatFile, 3))
            .getMessage()
            .contains("element type 0x0d"));

    Path labels = write("labels", idx(new int[] {3}, new byte[] {1, 2, 3}));
    InputException e = assertThrows(InputException.class, () -> IdxFile.read(labels, 3));
    assertTrue(e.getMessage().contains("rank 1, expected 3"), e.getMessage());
  }

  @Test
  void truncatedDataIsRefusedWithBothSizes() throws IOException {
    byte[] full = idx(new int[] {2, 2, 2}, new byte[8]);
    byte[] truncated = java.util.Arrays.copyOf(full, full.length - 3);
    Path file = write("truncated.gz", gzip(truncated));
    InputException e = assertThrows(InputException.class, () -> IdxFile.read(file, 3));
    assertTrue(
        e.getMessage().contains("8 values but the file holds 5 (truncated)"), e.getMessage());
  }

  @Test
  void truncatedHeaderAndTrailingDataAreRefused() throws IOException {
    Path header = write("header", new byte[] {0, 0, 8, 3, 0, 0});
    assertTrue(
        assertThrows(InputException.class, () -> IdxFile.read(header, 3))
            .getMessage()
            .contains("truncated inside its header"));
    byte[] trailing = idx(new int[] {1}, new byte[] {1, 2});
    trailing = java.util.Arrays.copyOf(trailing, trailing.length);
    ByteBuffer.wrap(trailing).putInt(4, 1);
    Path file = write("trailing", trailing);
    assertTrue(
        assertThrows(InputException.class, () -> IdxFile.read(file, 1))
            .getMessage()
            .contains("trailing data"));
  }

  @Test
  void imageAndLabelCountsMustMatch() throws IOException {
    Path images = write("i", idx(new int[] {3, 1, 1}, new byte[] {1, 2, 3}));
    Path labels = write("l", idx(new int[] {2}, new byte[] {0, 1}));
    InputException e =
        assertThrows(InputException.class, () -> IdxDatasets.read("x", images, labels, null));
    assertTrue(e.getMessage().contains("3 images but"), e.getMessage());
    assertTrue(e.getMessage().contains("2 labels"), e.getMessage());
  }

  @Test
  void missingFileIsNamed() {
    Path missing = dir.resolve("nope.gz");
    InputException e = assertThrows(InputException.class, () -> IdxFile.read(missing, 3));
    assertEquals("missing file: " + missing, e.getMessage());
  }

  @Test
  void checksumIsOfTheDecompressedContent() throws IOException {
    byte[] raw = idx(new int[] {1}, new byte[] {4});
    Path plain = write("plain", raw);
    Path zipped = write("zipped.gz", gzip(raw));
    assertEquals(IdxFile.read(plain, 1).sha256(), IdxFile.read(zipped, 1).sha256());
    assertArrayEquals(new int[] {1}, IdxFile.read(zipped, 1).dims());
  }
}
