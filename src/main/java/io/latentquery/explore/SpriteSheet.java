package io.latentquery.explore;

import io.latentquery.data.Dataset;
import io.latentquery.data.ImageShape;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The thumbnails of some pool images in one PNG, row after row: thumbnail {@code k} sits at column
 * {@code k % columns}, row {@code k / columns}. PNG is lossless, so an unscaled thumbnail holds the
 * image's own pixel values.
 *
 * @param png the encoded sheet
 * @param layout where each thumbnail is
 */
public record SpriteSheet(byte[] png, Layout layout) {

  /**
   * The thumbnail grid of a sheet.
   *
   * @param columns thumbnails per row
   * @param width thumbnail width in pixels
   * @param height thumbnail height in pixels
   */
  public record Layout(int columns, int width, int height) {
    /** A near-square grid of {@code count} thumbnails of at most {@code side} pixels a side. */
    public static Layout of(ImageShape shape, int count, int side) {
      double scale = Math.min(1.0, (double) side / Math.max(shape.height(), shape.width()));
      int width = Math.max(1, (int) Math.round(shape.width() * scale));
      int height = Math.max(1, (int) Math.round(shape.height() * scale));
      return new Layout(Math.max(1, (int) Math.ceil(Math.sqrt(count))), width, height);
    }
  }

  /** The thumbnails of {@code pool} examples {@code indices}, scaled to at most {@code side}. */
  public static SpriteSheet of(Dataset pool, int[] indices, int side) {
    ImageShape shape = pool.shape();
    Layout layout = Layout.of(shape, indices.length, side);
    int width = layout.width();
    int height = layout.height();
    int columns = layout.columns();
    boolean scaled = width != shape.width() || height != shape.height();
    int rows = Math.max(1, (indices.length + columns - 1) / columns);
    boolean gray = shape.channels() == 1;
    BufferedImage sheet =
        new BufferedImage(
            columns * width,
            rows * height,
            gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    float[] pixels = new float[shape.size()];
    for (int k = 0; k < indices.length; k++) {
      pool.copyImage(indices[k], pixels, 0);
      int left = (k % columns) * width;
      int top = (k / columns) * height;
      if (!scaled) {
        paint(sheet, pixels, shape, left, top);
      } else {
        BufferedImage image = new BufferedImage(shape.width(), shape.height(), sheet.getType());
        paint(image, pixels, shape, 0, 0);
        g.drawImage(image, left, top, width, height, null);
      }
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(sheet, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SpriteSheet(out.toByteArray(), layout);
  }

  /** Writes the pixel values themselves (no colour conversion) at {@code left, top}. */
  private static void paint(
      BufferedImage target, float[] pixels, ImageShape shape, int left, int top) {
    int h = shape.height();
    int w = shape.width();
    int c = shape.channels();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int at = (y * w + x) * c;
        if (c == 1) {
          target.getRaster().setSample(left + x, top + y, 0, byteOf(pixels[at]));
        } else {
          int rgb =
              (byteOf(pixels[at]) << 16) | (byteOf(pixels[at + 1]) << 8) | byteOf(pixels[at + 2]);
          target.setRGB(left + x, top + y, rgb);
        }
      }
    }
  }

  private static int byteOf(float value) {
    return Math.max(0, Math.min(255, Math.round(value * 255f)));
  }
}
