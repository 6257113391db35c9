package io.latentquery.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.data.ImageShape;
import io.latentquery.sampling.Points;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectorExportTest {
  @TempDir Path dir;

  private static List<String> ids(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(i == 3 ? "odd\tid" : "img-" + i);
    }
    return ids;
  }

  /** Image i is constant (i % 5) / 4. */
  private static ImageSource images(ImageShape shape) {
    return ImageSource.of(
        shape,
        i -> {
          float[] pixels = new float[shape.size()];
          java.util.Arrays.fill(pixels, (i % 5) / 4f);
          return pixels;
        });
  }

  private static List<Integer> configDims(String config) {
    Matcher m = Pattern.compile("single_image_dim: (\\d+)").matcher(config);
    List<Integer> dims = new ArrayList<>();
    while (m.find()) {
      dims.add(Integer.parseInt(m.group(1)));
    }
    return dims;
  }

  @Test
  void tensorsMetadataSpriteAndConfigAgree() throws Exception {
    int n = 10;
    Points points = PlotsTest.blobs(n, 3, 1);
    ClassLabels classes = new ClassLabels(PlotsTest.labels(n), PlotsTest.NAMES);
    ImageShape shape = new ImageShape(4, 4, 1);
    ProjectorExport.Result result =
        ProjectorExport.write(
            dir,
            points,
            classes,
            ids(n),
            new int[] {2, 5},
            images(shape),
            ProjectorExport.Options.DEFAULT);

    List<String> tensors = Files.readAllLines(dir.resolve("tensors.tsv"));
    assertEquals(n, tensors.size());
    for (int i = 0; i < n; i++) {
      String[] cells = tensors.get(i).split("\t");
      assertEquals(3, cells.length);
      assertEquals((float) points.get(i, 2), Float.parseFloat(cells[2]));
    }
    List<String> metadata = Files.readAllLines(dir.resolve("metadata.tsv"));
    assertEquals(n + 1, metadata.size());
    assertEquals("label\tselected\tid\tindex", metadata.get(0));
    assertEquals("two\ttrue\timg-2\t2", metadata.get(3));
    assertEquals("zero\tfalse\todd id\t3", metadata.get(4), "tabs in ids would break the columns");

    String config = Files.readString(dir.resolve("projector_config.pbtxt"));
    assertTrue(config.contains("tensor_path: \"tensors.tsv\""));
    assertTrue(config.contains("metadata_path: \"metadata.tsv\""));
    assertTrue(config.contains("image_path: \"sprite.png\""));
    assertEquals(List.of(4, 4), configDims(config));
    BufferedImage sprite = ImageIO.read(dir.resolve("sprite.png").toFile());
    assertEquals(4, result.spriteSide(), "10 thumbnails in a 4x4 grid");
    assertEquals(4 * 4, sprite.getWidth());
    assertEquals(4 * 4, sprite.getHeight());
    assertEquals(
        0xFFFFFF,
        sprite.getRGB(1, 4 + 1) & 0xFFFFFF,
        "thumbnail 4 (value 1.0) starts the second row, white");
    assertEquals(
        0x000000, sprite.getRGB(4 + 1, 4 + 1) & 0xFFFFFF, "thumbnail 5 (value 0.0) is black");
  }

  @Test
  void largePoolsAreCappedAndTheSpriteStaysWithinLimits() throws Exception {
    int n = 3_000;
    Points points = PlotsTest.blobs(n, 2, 2);
    ImageShape shape = new ImageShape(40, 30, 3);
    int[] selected = {2_999, 0};
    ProjectorExport.Options options = new ProjectorExport.Options(1_000, 3, 500);
    ProjectorExport.Result result =
        ProjectorExport.write(
            dir, points, ClassLabels.NONE, ids(n), selected, images(shape), options);
    assertEquals(1_000, result.indices().length);
    List<String> metadata = Files.readAllLines(dir.resolve("metadata.tsv"));
    assertEquals(1_001, metadata.size());
    assertEquals(1_000, Files.readAllLines(dir.resolve("tensors.tsv")).size());
    assertEquals(
        2,
        metadata.stream().filter(line -> line.contains("\ttrue\t")).count(),
        "selected points are kept");

    List<Integer> dims = configDims(Files.readString(dir.resolve("projector_config.pbtxt")));
    BufferedImage sprite = ImageIO.read(dir.resolve("sprite.png").toFile());
    assertEquals(32, result.spriteSide());
    assertEquals(
        List.of(11, 15),
        dims,
        "40 high, 30 wide thumbnails shrink to width 11, height 15 to fit 32 per side in 500 pixels");
    assertEquals(dims.get(0) * 32, sprite.getWidth());
    assertEquals(dims.get(1) * 32, sprite.getHeight());
    assertTrue(sprite.getWidth() <= 500 && sprite.getHeight() <= 500);
  }

  @Test
  void withoutImagesThereIsNoSprite() throws Exception {
    ProjectorExport.write(
        dir,
        PlotsTest.blobs(5, 2, 3),
        ClassLabels.NONE,
        ids(5),
        new int[0],
        null,
        ProjectorExport.Options.DEFAULT);
    assertFalse(Files.exists(dir.resolve("sprite.png")));
    assertFalse(Files.readString(dir.resolve("projector_config.pbtxt")).contains("sprite"));
    assertEquals("\tfalse\timg-0\t0", Files.readAllLines(dir.resolve("metadata.tsv")).get(1));
  }
}
