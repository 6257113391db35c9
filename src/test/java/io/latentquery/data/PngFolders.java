package io.latentquery.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Writes small grayscale PNG folders for tests: class {@code c} of {@code k} is a bright horizontal
 * band at its own height (so a classifier can tell the classes apart) over seeded noise (so no two
 * images are equal).
 */
public final class PngFolders {
  private PngFolders() {}

  /** Writes {@code count} images of class {@code c} of {@code k} into {@code folder}. */
  public static void write(Path folder, int c, int k, int count, int size) {
    try {
      Files.createDirectories(folder);
      SplittableRandom random = new SplittableRandom(folder.toString().hashCode() * 31L + c);
      for (int n = 0; n < count; n++) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        int bandTop = c * size / k;
        int bandBottom = (c + 1) * size / k;
        for (int y = 0; y < size; y++) {
          for (int x = 0; x < size; x++) {
            int noise = random.nextInt(40);
            int value = y >= bandTop && y < bandBottom ? 215 + noise : noise;
            image.getRaster().setSample(x, y, 0, value);
          }
        }
        ImageIO.write(image, "png", folder.resolve(String.format("%03d.png", n)).toFile());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
