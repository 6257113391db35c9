package io.latentquery.report;

import io.latentquery.data.ImageShape;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Tiles images row by row into one picture, upscaled by nearest neighbour so single pixels stay
 * visible, with an optional caption under each tile. Tiles are separated by {@code padding} pixels
 * of light gray so that black-background images (MNIST) keep visible borders.
 */
public final class ImageGrid {
  /** Gray between and around tiles. */
  public static final Color BACKGROUND = new Color(0xC8, 0xC8, 0xC8);

  private static final Font CAPTION_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final int CAPTION_HEIGHT = 14;

  /**
   * How tiles are laid out.
   *
   * @param columns tiles per row
   * @param scale upscaling factor per image pixel
   * @param padding pixels between and around tiles
   * @param bandRows rows per band, separated by a wider gap (0: no bands), e.g. 2 for pairs of
   *     original and reconstruction rows
   */
  public record Style(int columns, int scale, int padding, int bandRows) {
    public Style(int columns, int scale, int padding) {
      this(columns, scale, padding, 0);
    }

    public Style {
      if (bandRows < 0) {
        throw new IllegalArgumentException("bandRows must be >= 0, got " + bandRows);
      }
      if (columns < 1) {
        throw new IllegalArgumentException("columns must be >= 1, got " + columns);
      }
      if (scale < 1 || scale > 64) {
        throw new IllegalArgumentException("scale must be in 1..64, got " + scale);
      }
      if (padding < 0) {
        throw new IllegalArgumentException("padding must be >= 0, got " + padding);
      }
    }

    /** A style whose tiles are about {@code tilePixels} wide (at least the image itself). */
    public static Style forTiles(ImageShape shape, int columns, int tilePixels) {
      return new Style(columns, Math.max(1, tilePixels / shape.width()), 2);
    }
  }

  /**
   * Where each tile lies in the picture.
   *
   * @param tileWidth width of one tile in pixels
   * @param tileHeight height of one image in pixels (without caption)
   * @param captionHeight height of the caption strip under each image, 0 without captions
   * @param bandRows rows per band (0: no bands)
   * @param bandGap extra pixels between bands
   */
  public record Layout(
      int tileWidth,
      int tileHeight,
      int captionHeight,
      int columns,
      int rows,
      int padding,
      int bandRows,
      int bandGap) {
    public int width() {
      return padding + columns * (tileWidth + padding);
    }

    public int height() {
      return padding
          + rows * (tileHeight + captionHeight + padding)
          + gapsAbove(rows - 1) * bandGap;
    }

    private int gapsAbove(int row) {
      return bandRows > 0 ? row / bandRows : 0;
    }

    /** Left edge of tile {@code index}. */
    public int tileX(int index) {
      return padding + (index % columns) * (tileWidth + padding);
    }

    /** Top edge of tile {@code index}. */
    public int tileY(int index) {
      int row = index / columns;
      return padding + row * (tileHeight + captionHeight + padding) + gapsAbove(row) * bandGap;
    }
  }

  private ImageGrid() {}

  /** The layout {@link #render} uses for {@code count} images. */
  public static Layout layout(ImageShape shape, int count, Style style, boolean captions) {
    int columns = Math.max(1, Math.min(style.columns(), count));
    int rows = Math.max(1, (count + columns - 1) / columns);
    return new Layout(
        shape.width() * style.scale(),
        shape.height() * style.scale(),
        captions ? CAPTION_HEIGHT : 0,
        columns,
        rows,
        style.padding(),
        style.bandRows(),
        style.bandRows() > 0 ? Math.max(4, shape.height() * style.scale() / 4) : 0);
  }

  /** The images in a grid without captions. */
  public static BufferedImage render(ImageBatch images, Style style) {
    return render(images, style, List.of());
  }

  /**
   * The images in a grid; {@code captions} is empty or holds one caption per image, drawn under it
   * and cut to the tile's width.
   */
  public static BufferedImage render(ImageBatch images, Style style, List<String> captions) {
    int[] tiles = new int[images.count()];
    java.util.Arrays.setAll(tiles, i -> i);
    return render(images, style, captions, tiles);
  }

  /**
   * The grid with tile {@code t} showing image {@code tiles[t]}, or left blank where that is -1
   * (the gaps of an incomplete row pair).
   */
  static BufferedImage render(ImageBatch images, Style style, List<String> captions, int[] tiles) {
    Headless.ensure();
    if (images.count() == 0) {
      throw new IllegalArgumentException("an image grid needs at least one image");
    }
    if (!captions.isEmpty() && captions.size() != images.count()) {
      throw new IllegalArgumentException(
          captions.size() + " captions for " + images.count() + " images");
    }
    ImageShape shape = images.shape();
    Layout layout = layout(shape, tiles.length, style, !captions.isEmpty());
    BufferedImage out =
        new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(BACKGROUND);
      g.fillRect(0, 0, out.getWidth(), out.getHeight());
      float[] pixels = images.pixels();
      for (int t = 0; t < tiles.length; t++) {
        if (tiles[t] >= 0) {
          Pixels.draw(
              out,
              layout.tileX(t),
              layout.tileY(t),
              pixels,
              tiles[t] * shape.size(),
              shape,
              style.scale());
        }
      }
      if (!captions.isEmpty()) {
        drawCaptions(g, layout, captions);
      }
    } finally {
      g.dispose();
    }
    return out;
  }

  private static void drawCaptions(Graphics2D g, Layout layout, List<String> captions) {
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(CAPTION_FONT);
    FontMetrics metrics = g.getFontMetrics();
    for (int i = 0; i < captions.size(); i++) {
      int left = layout.tileX(i);
      int top = layout.tileY(i) + layout.tileHeight();
      g.setColor(Color.WHITE);
      g.fillRect(left, top, layout.tileWidth(), layout.captionHeight());
      g.setColor(Color.BLACK);
      String text = captions.get(i);
      int textWidth = metrics.stringWidth(text);
      int x = left + Math.max(0, (layout.tileWidth() - textWidth) / 2);
      g.setClip(left, top, layout.tileWidth(), layout.captionHeight());
      g.drawString(text, x, top + layout.captionHeight() - metrics.getDescent() - 1);
      g.setClip(null);
    }
  }
}
