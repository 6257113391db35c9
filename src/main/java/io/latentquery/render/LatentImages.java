package io.latentquery.render;

import io.latentquery.InputException;
import io.latentquery.contract.LatentColumns;
import io.latentquery.data.ImageShape;
import io.latentquery.files.AtomicFiles;
import io.latentquery.inference.Encodings;
import io.latentquery.inference.SavedModelDecoder;
import io.latentquery.report.ImageBatch;
import io.latentquery.report.ImageGrid;
import io.latentquery.report.Pixels;
import io.latentquery.report.PngFiles;
import io.latentquery.sampling.io.LatentFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Decodes latent points into a folder of pictures: {@code image-00000.png} upwards, one per point
 * in file order, {@code images.csv} naming each file's point ({@code file,id,z1..zL}), and {@code
 * grid.png} with the first {@value #GRID_MAX} images in one picture, row by row. The folder is
 * written atomically and replaced only when asked.
 */
public final class LatentImages {
  /** Most images in grid.png; a bigger picture is unwieldy and the single files hold them all. */
  public static final int GRID_MAX = 400;

  public static final String GRID = "grid.png";
  public static final String INDEX = "images.csv";
  private static final int BATCH = 256;
  private static final int GRID_WIDTH_PIXELS = 2000;

  private final SavedModelDecoder decoder;
  private final Path decoderFolder;
  private final int scale;

  /**
   * @param decoderFolder the decoder's folder, named in messages
   * @param scale upscaling of each image pixel in the single PNGs (1 to 64)
   */
  public LatentImages(SavedModelDecoder decoder, Path decoderFolder, int scale) {
    if (scale < 1 || scale > 64) {
      throw new IllegalArgumentException("scale must be in 1..64, got " + scale);
    }
    this.decoder = decoder;
    this.decoderFolder = decoderFolder;
    this.scale = scale;
  }

  /** What was written. */
  public record Result(int images, ImageShape shape, int inGrid) {}

  /**
   * Decodes {@code points} (read from {@code source}, named in messages) into {@code out}.
   *
   * @throws InputException when the points' dimension is not the decoder's latent size, or the
   *     decoder does not declare its image shape
   */
  public Result write(Encodings points, Path source, Path out, boolean replace) {
    if (points.dim() != decoder.latentDim()) {
      throw new InputException(
          source
              + " has points of dimension "
              + points.dim()
              + " but the decoder "
              + decoderFolder
              + " takes latent vectors of dimension "
              + decoder.latentDim());
    }
    if (points.count() == 0) {
      throw new InputException(source + " holds no latent points");
    }
    ImageShape shape = decoder.imageShape();
    if (shape == null) {
      throw new InputException(
          "the decoder "
              + decoderFolder
              + " does not declare its image shape; its output must be [-1,H,W,C] with known sizes");
    }
    if (Files.exists(out) && !replace) {
      throw new InputException(out + " exists; use --force to replace it");
    }
    int inGrid = Math.min(GRID_MAX, points.count());
    AtomicFiles.writeFolder(out, replace, folder -> write(points, shape, inGrid, folder));
    return new Result(points.count(), shape, inGrid);
  }

  private void write(Encodings points, ImageShape shape, int inGrid, Path folder)
      throws IOException {
    int digits = Math.max(5, Integer.toString(points.count() - 1).length());
    String pattern = "image-%0" + digits + "d.png";
    float[] grid = new float[inGrid * shape.size()];
    double[] values = points.values();
    try (BufferedWriter index =
        Files.newBufferedWriter(folder.resolve(INDEX), StandardCharsets.UTF_8)) {
      index.write("file," + LatentColumns.ID);
      for (int l = 1; l <= points.dim(); l++) {
        index.write("," + LatentColumns.z(l));
      }
      index.write('\n');
      for (int from = 0; from < points.count(); from += BATCH) {
        int to = Math.min(points.count(), from + BATCH);
        double[] latents =
            java.util.Arrays.copyOfRange(values, from * points.dim(), to * points.dim());
        float[] pixels = decoder.decode(latents, to - from);
        if (pixels.length != (to - from) * shape.size()) {
          throw new InputException(
              "the decoder "
                  + decoderFolder
                  + " gave "
                  + pixels.length
                  + " values for "
                  + (to - from)
                  + " images of "
                  + shape);
        }
        for (int k = 0; k < to - from; k++) {
          int i = from + k;
          String file = String.format(Locale.ROOT, pattern, i);
          PngFiles.write(
              folder.resolve(file), Pixels.toImage(pixels, k * shape.size(), shape, scale));
          index.write(file + "," + csvField(points.id(i)));
          for (double v : points.point(i)) {
            index.write("," + LatentFile.number(v));
          }
          index.write('\n');
          if (i < inGrid) {
            System.arraycopy(pixels, k * shape.size(), grid, i * shape.size(), shape.size());
          }
        }
      }
    }
    int columns = Math.max(1, Math.min(20, (int) Math.ceil(Math.sqrt(inGrid))));
    int gridScale = Math.max(1, Math.min(scale, GRID_WIDTH_PIXELS / (columns * shape.width())));
    PngFiles.write(
        folder.resolve(GRID),
        ImageGrid.render(
            new ImageBatch(grid, inGrid, shape), new ImageGrid.Style(columns, gridScale, 2)));
  }

  private static String csvField(String text) {
    return text.matches("[^,\"\r\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
  }
}
