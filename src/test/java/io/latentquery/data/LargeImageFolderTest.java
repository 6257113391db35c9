package io.latentquery.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder whose decoded pixels pass the 2 GiB a Java array can hold is still read. */
class LargeImageFolderTest {
  private static final int SIDE = 224;
  private static final int COPIES = 14_500;
  private static final int CLASSES = 10;

  @TempDir Path dir;

  @Test
  void folderOverTwoGibibytesDecodedIsReadBatchByBatch() throws IOException {
    BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        image.setRGB(x, y, (x << 16) | (y << 8) | ((x + y) & 0xff));
      }
    }
    Path source = dir.resolve("source.png");
    ImageIO.write(image, "png", source.toFile());
    Path folder = Files.createDirectory(dir.resolve("pool"));
    for (int c = 0; c < CLASSES; c++) {
      Files.createDirectory(folder.resolve("class" + c));
    }
    for (int i = 0; i < COPIES; i++) {
      Files.createLink(
          folder.resolve("class" + (i % CLASSES)).resolve(String.format("%05d.png", i)), source);
    }
    long decodedBytes = (long) COPIES * SIDE * SIDE * 3;
    assertTrue(decodedBytes > Integer.MAX_VALUE, "the folder must pass the 2 GiB line");

    Dataset dataset = new ImageFolderReader(new ImageFolderOptions(3, null)).read(folder);

    assertEquals(COPIES, dataset.size());
    assertEquals(new ImageShape(SIDE, SIDE, 3), dataset.shape());
    assertEquals(CLASSES, dataset.numClasses());
    float[] expected = new float[SIDE * SIDE * 3];
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        int at = (y * SIDE + x) * 3;
        expected[at] = x / 255f;
        expected[at + 1] = y / 255f;
        expected[at + 2] = ((x + y) & 0xff) / 255f;
      }
    }
    int batch = 16;
    for (int from : new int[] {0, COPIES / 2, COPIES - batch}) {
      float[] pixels = dataset.batch(from, from + batch);
      assertEquals(batch * expected.length, pixels.length);
      for (int k = 0; k < batch; k++) {
        float[] one = new float[expected.length];
        System.arraycopy(pixels, k * expected.length, one, 0, expected.length);
        assertArrayEquals(expected, one, 1e-6f, "image " + (from + k));
      }
    }
    // Files are sorted by class folder, then name: the last one is class9/14499.png.
    assertEquals("class9/14499.png", dataset.id(COPIES - 1));
    assertEquals(9, dataset.label(COPIES - 1));
    assertEquals(0, dataset.label(0));
  }
}
