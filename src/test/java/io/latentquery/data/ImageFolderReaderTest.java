package io.latentquery.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.InputException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {
  @TempDir Path dir;

  private static void png(Path file, int width, int height, int rgb) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, rgb);
      }
    }
    Files.createDirectories(file.getParent());
    ImageIO.write(image, "png", file.toFile());
  }

  @Test
  void classSubFoldersGiveLabelsAndRelativeIds() throws IOException {
    png(dir.resolve("cats/a.png"), 4, 3, 0xffffff);
    png(dir.resolve("cats/b.png"), 4, 3, 0x000000);
    png(dir.resolve("dogs/c.png"), 4, 3, 0xff0000);

    Dataset dataset = new ImageFolderReader(ImageFolderOptions.grayscale()).read(dir);

    assertEquals(new ImageShape(3, 4, 1), dataset.shape());
    assertEquals(List.of("cats", "dogs"), dataset.classNames());
    assertEquals(3, dataset.size());
    assertEquals("cats/a.png", dataset.id(0));
    assertEquals("dogs/c.png", dataset.id(2));
    assertEquals(1, dataset.label(2));
    assertEquals(1f, dataset.image(0)[0], 1e-6f);
    assertEquals(0f, dataset.image(1)[0], 1e-6f);
    // Pure red in grayscale: 0.299 * 255 = 76.2 -> 76.
    assertEquals(76f / 255f, dataset.image(2)[0], 1e-6f);
  }

  @Test
  void flatFolderIsUnlabeledAndRgbKeepsChannels() throws IOException {
    png(dir.resolve("x.png"), 2, 2, 0x00ff00);
    Dataset dataset = new ImageFolderReader(new ImageFolderOptions(3, null)).read(dir);
    assertFalse(dataset.hasLabels());
    assertEquals(new ImageShape(2, 2, 3), dataset.shape());
    float[] pixel = dataset.image(0);
    assertEquals(0f, pixel[0], 1e-6f);
    assertEquals(1f, pixel[1], 1e-6f);
    assertEquals(0f, pixel[2], 1e-6f);
    assertThrows(InputException.class, () -> dataset.label(0));
  }

  @Test
  void mixedSizesAreRefusedNamingBothFiles() throws IOException {
    png(dir.resolve("a.png"), 4, 4, 0);
    png(dir.resolve("b.png"), 5, 4, 0);
    InputException e =
        assertThrows(
            InputException.class,
            () -> new ImageFolderReader(ImageFolderOptions.grayscale()).read(dir));
    assertTrue(e.getMessage().contains("a.png is 4x4"), e.getMessage());
    assertTrue(e.getMessage().contains("b.png is 4x5"), e.getMessage());
    assertTrue(e.getMessage().contains("--resize"), e.getMessage());
  }

  @Test
  void resizeMakesMixedSizesOneShape() throws IOException {
    png(dir.resolve("a.png"), 4, 4, 0xffffff);
    png(dir.resolve("b.png"), 8, 6, 0xffffff);
    Dataset dataset =
        new ImageFolderReader(new ImageFolderOptions(1, new ImageShape(5, 5, 1))).read(dir);
    assertEquals(new ImageShape(5, 5, 1), dataset.shape());
    assertEquals(1f, dataset.image(1)[12], 1e-6f);
  }

  @Test
  void emptyOrMixedLayoutsAreRefused() throws IOException {
    assertTrue(
        assertThrows(
                InputException.class,
                () -> new ImageFolderReader(ImageFolderOptions.grayscale()).read(dir))
            .getMessage()
            .contains("holds no .png or .jpg images"));
    png(dir.resolve("top.png"), 2, 2, 0);
    png(dir.resolve("cls/a.png"), 2, 2, 0);
    assertTrue(
        assertThrows(
                InputException.class,
                () -> new ImageFolderReader(ImageFolderOptions.grayscale()).read(dir))
            .getMessage()
            .contains("mixes images"));
  }

  @Test
  void corruptImageIsNamed() throws IOException {
    Files.writeString(dir.resolve("broken.png"), "not a png");
    InputException e =
        assertThrows(
            InputException.class,
            () -> new ImageFolderReader(ImageFolderOptions.grayscale()).read(dir));
    assertTrue(e.getMessage().contains("broken.png"), e.getMessage());
  }

  @Test
  void uncachedReadsGiveTheSameImagesAndChecksumAsCachedOnes() throws Exception {
    png(dir.resolve("a/x.png"), 3, 2, 0xffffff);
    png(dir.resolve("b/y.png"), 3, 2, 0x0000ff);
    Dataset cached = new ImageFolderReader(ImageFolderOptions.grayscale()).read(dir);
    Dataset uncached = new ImageFolderReader(ImageFolderOptions.grayscale(), 0).read(dir);
    for (int i = 0; i < 2; i++) {
      assertArrayEquals(cached.image(i), uncached.image(i));
    }
    // The checksum is SHA-256 over each relative path then its bytes (blue: 0.114 * 255 -> 29).
    java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
    digest.update("a/x.png".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    digest.update(new byte[] {-1, -1, -1, -1, -1, -1});
    digest.update("b/y.png".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    digest.update(new byte[] {29, 29, 29, 29, 29, 29});
    String expected = java.util.HexFormat.of().formatHex(digest.digest());
    assertEquals(expected, cached.checksum());
    assertEquals(expected, uncached.checksum());
  }

  @Test
  void truncatedImageIsNamedWhenItsPixelsAreRead() throws IOException {
    png(dir.resolve("a.png"), 8, 8, 0x123456);
    byte[] bytes = Files.readAllBytes(dir.resolve("a.png"));
    Files.write(dir.resolve("a.png"), java.util.Arrays.copyOf(bytes, 40));
    Dataset dataset = new ImageFolderReader(ImageFolderOptions.grayscale()).read(dir);
    InputException e = assertThrows(InputException.class, dataset::checksum);
    assertTrue(e.getMessage().startsWith("cannot read image "), e.getMessage());
    assertTrue(e.getMessage().contains("a.png"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }
}
