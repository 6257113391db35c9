package io.latentquery.report;

import io.latentquery.data.ImageShape;
import io.latentquery.files.AtomicFiles;
import io.latentquery.sampling.Points;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * Files for TensorBoard's embedding projector: {@code tensors.tsv} (one encoding per row), {@code
 * metadata.tsv} (label, selected, id, index), {@code sprite.png} (thumbnails in a square grid in
 * row order) and {@code projector_config.pbtxt} tying them together. Point it at the folder with
 * {@code tensorboard --logdir projector}, or upload the two TSV files to the stand-alone projector.
 *
 * <p>TensorBoard takes a sprite of at most {@value #MAX_SPRITE} pixels on a side, so large pools
 * are subsampled (selected points are always kept) and thumbnails shrink when needed.
 */
public final class ProjectorExport {
  public static final int MAX_SPRITE = 8192;
  public static final String TENSORS = "tensors.tsv";
  public static final String METADATA = "metadata.tsv";
  public static final String SPRITE = "sprite.png";
  public static final String CONFIG = "projector_config.pbtxt";

  /**
   * @param maxPoints most points exported
   * @param seed seed of the subsample of larger pools
   * @param maxSprite most pixels on a side of the sprite (TensorBoard accepts up to {@value
   *     #MAX_SPRITE})
   */
  public record Options(int maxPoints, long seed, int maxSprite) {
    public static final Options DEFAULT = new Options(10_000, 0L, MAX_SPRITE);

    public Options {
      if (maxPoints < 1) {
        throw new IllegalArgumentException("projector maxPoints must be >= 1, got " + maxPoints);
      }
      if (maxSprite < 1 || maxSprite > MAX_SPRITE) {
        throw new IllegalArgumentException(
            "maxSprite must be in 1.." + MAX_SPRITE + ", got " + maxSprite);
      }
    }
  }

  /**
   * What was written.
   *
   * @param indices pool indices exported, in file order
   * @param thumbWidth width of one sprite thumbnail, 0 without sprite
   * @param thumbHeight height of one sprite thumbnail, 0 without sprite
   * @param spriteSide thumbnails per sprite row and column, 0 without sprite
   */
  public record Result(int[] indices, int thumbWidth, int thumbHeight, int spriteSide) {}

  private ProjectorExport() {}

  /**
   * Writes the projector files into {@code folder}.
   *
   * @param ids pool id per point
   * @param selected pool indices of the selection (may be empty)
   * @param images the pool images for the sprite, or null for no sprite
   */
  public static Result write(
      Path folder,
      Points encodings,
      ClassLabels classes,
      List<String> ids,
      int[] selected,
      ImageSource images,
      Options options) {
    int n = encodings.count();
    classes.requireSize(n);
    if (ids.size() != n) {
      throw new IllegalArgumentException(ids.size() + " ids for " + n + " points");
    }
    if (n == 0) {
      throw new IllegalArgumentException("the projector needs at least one point");
    }
    int[] indices = Subsample.indices(n, options.maxPoints(), options.seed(), selected);
    boolean[] isSelected = new boolean[n];
    for (int s : selected) {
      isSelected[s] = true;
    }
    StringBuilder tensors = new StringBuilder();
    StringBuilder metadata = new StringBuilder("label\tselected\tid\tindex\n");
    for (int i : indices) {
      for (int d = 0; d < encodings.dim(); d++) {
        tensors.append(d == 0 ? "" : "\t").append((float) encodings.get(i, d));
      }
      tensors.append('\n');
      String label = classes.label(i) < 0 ? "" : classes.name(classes.label(i));
      metadata
          .append(tsv(label))
          .append('\t')
          .append(isSelected[i])
          .append('\t')
          .append(tsv(ids.get(i)))
          .append('\t')
          .append(i)
          .append('\n');
    }
    AtomicFiles.writeString(folder.resolve(TENSORS), tensors.toString());
    AtomicFiles.writeString(folder.resolve(METADATA), metadata.toString());
    StringBuilder config =
        new StringBuilder("embeddings {\n")
            .append("  tensor_name: \"latent\"\n")
            .append("  tensor_path: \"")
            .append(TENSORS)
            .append("\"\n")
            .append("  metadata_path: \"")
            .append(METADATA)
            .append("\"\n");
    Result result = new Result(indices.clone(), 0, 0, 0);
    if (images != null) {
      result = writeSprite(folder.resolve(SPRITE), indices, images, options.maxSprite());
      config
          .append("  sprite {\n")
          .append("    image_path: \"")
          .append(SPRITE)
          .append("\"\n")
          .append("    single_image_dim: ")
          .append(result.thumbWidth())
          .append('\n')
          .append("    single_image_dim: ")
          .append(result.thumbHeight())
          .append('\n')
          .append("  }\n");
    }
    config.append("}\n");
    AtomicFiles.writeString(folder.resolve(CONFIG), config.toString());
    return result;
  }

  private static Result writeSprite(Path file, int[] indices, ImageSource images, int maxSprite) {
    ImageShape shape = images.shape();
    int side = (int) Math.ceil(Math.sqrt(indices.length));
    double shrink =
        Math.min(
            1.0, (double) maxSprite / (side * (double) Math.max(shape.width(), shape.height())));
    int thumbWidth = Math.max(1, (int) Math.floor(shape.width() * shrink));
    int thumbHeight = Math.max(1, (int) Math.floor(shape.height() * shrink));
    Headless.ensure();
    BufferedImage sprite =
        new BufferedImage(side * thumbWidth, side * thumbHeight, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sprite.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      for (int k = 0; k < indices.length; k++) {
        float[] pixels = images.image(indices[k]);
        BufferedImage thumb = Pixels.toImage(pixels, 0, shape, 1);
        int x = (k % side) * thumbWidth;
        int y = (k / side) * thumbHeight;
        if (thumbWidth == shape.width() && thumbHeight == shape.height()) {
          g.drawImage(thumb, x, y, null);
        } else {
          g.drawImage(thumb, x, y, thumbWidth, thumbHeight, null);
        }
      }
    } finally {
      g.dispose();
    }
    PngFiles.write(file, sprite);
    return new Result(indices.clone(), thumbWidth, thumbHeight, side);
  }

  /** TSV cells cannot hold tabs or line breaks. */
  private static String tsv(String text) {
    return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }
}
