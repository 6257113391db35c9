package io.latentquery.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reads pictures back from disk and checks them. */
final class PictureAssertions {
  private PictureAssertions() {}

  /**
   * Writes {@code image} as PNG, reads it back, and checks it is a width x height, non-blank
   * picture.
   */
  static BufferedImage roundTrip(Path dir, String name, BufferedImage image, int width, int height)
      throws IOException {
    Path file = dir.resolve(name + ".png");
    PngFiles.write(file, image);
    return readPng(file, width, height);
  }

  static BufferedImage readPng(Path file, int width, int height) throws IOException {
    BufferedImage read = ImageIO.read(file.toFile());
    assertNotNull(read, file + " is not a readable image");
    assertEquals(width, read.getWidth(), "width of " + file);
    assertEquals(height, read.getHeight(), "height of " + file);
    assertTrue(distinctColours(read) > 1, file + " is blank");
    return read;
  }

  static int distinctColours(BufferedImage image) {
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        colours.add(image.getRGB(x, y) & 0xFFFFFF);
      }
    }
    return colours.size();
  }

  /** Number of pixels of exactly this RGB colour. */
  static int count(BufferedImage image, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
          n++;
        }
      }
    }
    return n;
  }
}
