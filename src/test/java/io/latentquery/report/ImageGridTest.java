package io.latentquery.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.latentquery.data.ImageShape;
import io.latentquery.sampling.Points;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {
  @TempDir Path dir;
  private static final ImageShape GRAY = new ImageShape(3, 2, 1);

  /** count gray 3x2 images; image i is constant values[i]. */
  private static ImageBatch constant(float... values) {
    float[] pixels = new float[values.length * GRAY.size()];
    for (int i = 0; i < values.length; i++) {
      java.util.Arrays.fill(pixels, i * GRAY.size(), (i + 1) * GRAY.size(), values[i]);
    }
    return new ImageBatch(pixels, values.length, GRAY);
  }

  private static int rgbAt(BufferedImage image, int x, int y) {
    return image.getRGB(x, y) & 0xFFFFFF;
  }

  @Test
  void tilesHoldTheirImagesAtTheirPositions() throws Exception {
    ImageGrid.Style style = new ImageGrid.Style(2, 4, 1);
    BufferedImage grid = ImageGrid.render(constant(1f, 0f, 0.5f), style);
    ImageGrid.Layout layout = ImageGrid.layout(GRAY, 3, style, false);
    // 2 columns of 8-pixel-wide tiles, 2 rows of 12-pixel-high tiles, 1 pixel padding.
    assertEquals(1 + 2 * (8 + 1), layout.width());
    assertEquals(1 + 2 * (12 + 1), layout.height());
    BufferedImage read =
        PictureAssertions.roundTrip(dir, "grid", grid, layout.width(), layout.height());
    for (int dy = 0; dy < 12; dy++) {
      for (int dx = 0; dx < 8; dx++) {
        assertEquals(
            0xFFFFFF, rgbAt(read, layout.tileX(0) + dx, layout.tileY(0) + dy), "tile 0 is white");
        assertEquals(
            0x000000, rgbAt(read, layout.tileX(1) + dx, layout.tileY(1) + dy), "tile 1 is black");
        assertEquals(
            0x808080,
            rgbAt(read, layout.tileX(2) + dx, layout.tileY(2) + dy),
            "tile 2 is mid gray");
      }
    }
    assertEquals(1 + 8 + 1, layout.tileX(1));
    assertEquals(1 + 12 + 1, layout.tileY(2));
    assertEquals(ImageGrid.BACKGROUND.getRGB() & 0xFFFFFF, rgbAt(read, 0, 0), "padding");
    assertEquals(
        ImageGrid.BACKGROUND.getRGB() & 0xFFFFFF,
        rgbAt(read, layout.tileX(3) + 2, layout.tileY(3) + 2),
        "the missing fourth tile is background");
  }

  @Test
  void pixelsKeepTheirPlaceWhenUpscaled() {
    // A 2x2 gray image with one white pixel at (row 1, column 0).
    ImageShape shape = new ImageShape(2, 2, 1);
    BufferedImage image = Pixels.toImage(new float[] {0, 0, 1, 0}, 0, shape, 3);
    assertEquals(6, image.getWidth());
    for (int y = 0; y < 6; y++) {
      for (int x = 0; x < 6; x++) {
        int expected = (y >= 3 && x < 3) ? 0xFFFFFF : 0;
        assertEquals(expected, rgbAt(image, x, y), "pixel " + x + "," + y);
      }
    }
  }

  @Test
  void rgbChannelsAndClamping() {
    ImageShape rgb = new ImageShape(1, 3, 3);
    float[] pixels = {1, 0, 0, 0, 1, 0, 2f, Float.NaN, -1f};
    BufferedImage image = Pixels.toImage(pixels, 0, rgb, 1);
    assertEquals(0xFF0000, rgbAt(image, 0, 0));
    assertEquals(0x00FF00, rgbAt(image, 1, 0));
    assertEquals(
        0xFF0000, rgbAt(image, 2, 0), "values above 1 clamp to 255, NaN and negatives to 0");
  }

  @Test
  void captionsGoUnderTheirTiles() throws Exception {
    ImageGrid.Style style = new ImageGrid.Style(2, 20, 2);
    BufferedImage grid = ImageGrid.render(constant(0f, 0f), style, List.of("0.123", "9.876"));
    ImageGrid.Layout layout = ImageGrid.layout(GRAY, 2, style, true);
    assertEquals(layout.height(), grid.getHeight());
    int captionTop = layout.tileY(0) + layout.tileHeight();
    boolean dark = false;
    for (int y = captionTop; y < captionTop + layout.captionHeight(); y++) {
      for (int x = layout.tileX(0); x < layout.tileX(0) + layout.tileWidth(); x++) {
        dark |= (rgbAt(grid, x, y) & 0xFF) < 128;
      }
    }
    assertEquals(true, dark, "caption text is drawn under tile 0");
    assertEquals(0xFFFFFF, rgbAt(grid, layout.tileX(1), captionTop), "caption strip is white");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ImageGrid.render(constant(0f, 0f), style, List.of("one")));
    assertEquals("1 captions for 2 images", e.getMessage());
  }

  @Test
  void reconstructionsSitBelowTheirOriginals() {
    ImageBatch originals = constant(1f, 1f, 1f);
    ImageBatch rebuilt = constant(0f, 0f, 0f);
    BufferedImage picture = ImageFigures.reconstructions(originals, rebuilt, 2, 1);
    ImageGrid.Layout layout = ImageGrid.layout(GRAY, 8, new ImageGrid.Style(2, 1, 2, 2), false);
    assertEquals(
        2 + 3 + 2 + 3 + 2 + 4, layout.tileY(4), "a 4-pixel gap sets the second pair of rows apart");
    assertEquals(layout.width(), picture.getWidth());
    assertEquals(layout.height(), picture.getHeight());
    // Rows: originals 0,1 / reconstructions 0,1 / original 2, gap / reconstruction 2, gap.
    assertEquals(0xFFFFFF, rgbAt(picture, layout.tileX(0), layout.tileY(0)));
    assertEquals(0xFFFFFF, rgbAt(picture, layout.tileX(1), layout.tileY(1)));
    assertEquals(0x000000, rgbAt(picture, layout.tileX(2), layout.tileY(2)));
    assertEquals(0x000000, rgbAt(picture, layout.tileX(3), layout.tileY(3)));
    assertEquals(0xFFFFFF, rgbAt(picture, layout.tileX(4), layout.tileY(4)));
    assertEquals(
        ImageGrid.BACKGROUND.getRGB() & 0xFFFFFF, rgbAt(picture, layout.tileX(5), layout.tileY(5)));
    assertEquals(0x000000, rgbAt(picture, layout.tileX(6), layout.tileY(6)));
  }

  @Test
  void hardestErrorsComeFirst() {
    assertArrayEquals(
        new int[] {2, 0, 3}, ImageFigures.hardest(new double[] {0.5, 0.1, 0.9, 0.5}, 3));
    assertArrayEquals(new int[] {1, 0}, ImageFigures.hardest(new double[] {0.5, Double.NaN}, 5));
    BufferedImage picture =
        ImageFigures.hardExamples(constant(1f, 0f), new double[] {0.25, 0.125}, 2, 10);
    assertEquals(
        ImageGrid.layout(GRAY, 2, new ImageGrid.Style(2, 10, 2), true).height(),
        picture.getHeight());
  }

  @Test
  void latentGridRunsLeftToRightAndBottomToTop() {
    Points encodings = Points.of(new double[][] {{0, 10}, {4, 30}, {2, 20}});
    LatentGrid grid = LatentGrid.spanning(encodings, 3, 0);
    Points points = grid.points();
    assertEquals(9, points.count());
    assertArrayEquals(new double[] {0, 30}, points.point(0), "top left: smallest z1, largest z2");
    assertArrayEquals(new double[] {4, 30}, points.point(2), "top right");
    assertArrayEquals(new double[] {2, 20}, points.point(4), "centre");
    assertArrayEquals(new double[] {0, 10}, points.point(6), "bottom left");

    Points three = Points.of(new double[][] {{0, 0, 5}, {1, 1, 7}, {2, 2, 100}});
    assertArrayEquals(
        new double[] {0, 2, 7},
        LatentGrid.spanning(three, 2, 0).points().point(0),
        "further coordinates held at their median");
    assertEquals(2.0, LatentGrid.quantile(new double[] {0, 4}, 0.5));

    BufferedImage manifold = grid.render(constant(0, 0, 0, 0, 1, 0, 0, 0, 0), 2);
    assertEquals(3 * 2 * 2, manifold.getWidth(), "seamless: no padding");
    assertEquals(0xFFFFFF, rgbAt(manifold, 4, 6), "centre tile");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> grid.render(constant(0, 0), 1));
    assertEquals("2 decoded images for a 3x3 grid", e.getMessage());
  }

  @Test
  void eachImageAsItsOwnPng() throws Exception {
    List<Path> files = PngFiles.writeEach(dir.resolve("decoded"), "decoded", constant(1f, 0f), 2);
    assertEquals(
        List.of(dir.resolve("decoded/decoded-00000.png"), dir.resolve("decoded/decoded-00001.png")),
        files);
    BufferedImage first = ImageIO.read(files.get(0).toFile());
    assertEquals(4, first.getWidth());
    assertEquals(6, first.getHeight());
    assertEquals(0xFFFFFF, rgbAt(first, 3, 5));
    assertEquals(0x000000, rgbAt(ImageIO.read(files.get(1).toFile()), 0, 0));
    try (var listing = Files.list(dir.resolve("decoded"))) {
      assertEquals(2, listing.count(), "no temporary files left");
    }
  }

  @Test
  void batchShapeIsChecked() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ImageBatch(new float[5], 1, GRAY));
    assertEquals("5 values are not 1 images of 3x2x1", e.getMessage());
  }
}
