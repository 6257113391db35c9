package io.latentquery.report;

import io.latentquery.files.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Pictures written as PNG files, each atomically. */
public final class PngFiles {
  private PngFiles() {}

  public static void write(Path target, BufferedImage image) {
    Headless.ensure();
    AtomicFiles.write(
        target,
        out -> {
          if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer available");
          }
        });
  }

  /**
   * Writes every image as its own PNG, {@code prefix-00000.png} upwards (zero-padded to the width
   * of the largest number, at least five digits, so names sort in order), and returns the files.
   */
  public static List<Path> writeEach(Path folder, String prefix, ImageBatch images, int scale) {
    int digits = Math.max(5, Integer.toString(Math.max(0, images.count() - 1)).length());
    String pattern = "%s-%0" + digits + "d.png";
    float[] pixels = images.pixels();
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < images.count(); i++) {
      Path file = folder.resolve(String.format(java.util.Locale.ROOT, pattern, prefix, i));
      write(file, Pixels.toImage(pixels, i * images.shape().size(), images.shape(), scale));
      files.add(file);
    }
    return files;
  }
}
