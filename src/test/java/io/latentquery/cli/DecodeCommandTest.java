package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.inference.Encodings;
import io.latentquery.inference.TinySavedModels;
import io.latentquery.report.Pixels;
import io.latentquery.sampling.io.LatentFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodeCommandTest {
  private static final float[][] MATRIX = TinySavedModels.matrix(2, 784);

  @TempDir static Path models;
  @TempDir Path dir;

  static Path decoder;

  @BeforeAll
  static void exportDecoder() throws IOException {
    decoder = TinySavedModels.linearDecoder(models.resolve("decoder"), 28, 28, 1, MATRIX);
  }

  private CliRun decode(Path latent, Path out, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "decode",
                "--decoder",
                decoder.toString(),
                "--latent",
                latent.toString(),
                "--out",
                out.toString(),
                "--threads",
                "1"));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void writesEachPointAsAPngWhosePixelsAreTheDecodersOutput() throws IOException {
    Path latent = dir.resolve("points.csv");
    LatentFile.write(
        latent,
        new Encodings(new double[] {5, -3, 1, 2, -4, 4}, 3, 2, List.of("a", "b,c", "d"), null));
    Path out = dir.resolve("decoded");
    CliRun run = decode(latent, out, "--scale", "1");
    assertEquals(0, run.code(), run.err());
    assertEquals(
        "decoded 3 points of dimension 2 to 28x28x1 images in " + out + " (3 in grid.png)",
        run.out().strip());

    assertEquals(
        List.of(
            "file,id,z1,z2",
            "image-00000.png,a,5.0,-3.0",
            "image-00001.png,\"b,c\",1.0,2.0",
            "image-00002.png,d,-4.0,4.0"),
        Files.readAllLines(out.resolve("images.csv")));
    BufferedImage first = ImageIO.read(out.resolve("image-00000.png").toFile());
    assertEquals(28, first.getWidth());
    assertEquals(28, first.getHeight());
    int lit = 0;
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        int p = y * 28 + x;
        int expected = Pixels.level(5 * MATRIX[0][p] - 3 * MATRIX[1][p]);
        int gray = first.getRGB(x, y) & 0xff;
        assertEquals(expected, gray, 1, "pixel (" + y + ", " + x + ")");
        lit += expected > 0 ? 1 : 0;
      }
    }
    assertTrue(lit > 100 && lit < 784, "the golden image has both dark and lit pixels: " + lit);
    BufferedImage grid = ImageIO.read(out.resolve("grid.png").toFile());
    assertEquals(2 + 2 * (28 + 2), grid.getWidth(), "two columns for three images");
    assertEquals(2 + 2 * (28 + 2), grid.getHeight());
  }

  @Test
  void plainCsvNpyAndEncodingsFilesGiveTheSameImages() throws IOException {
    Encodings points = new Encodings(new double[] {5, -3, 1, 2}, 2, 2, List.of("0", "1"), null);
    Path csv = dir.resolve("z.csv");
    LatentFile.write(csv, points);
    Path npy = dir.resolve("z.npy");
    LatentFile.write(npy, points);
    Path plain = Files.writeString(dir.resolve("plain.csv"), "5,-3\n\n1, 2\n");
    for (Path input : List.of(csv, npy, plain)) {
      CliRun run = decode(input, dir.resolve("out-" + input.getFileName()));
      assertEquals(0, run.code(), input + ": " + run.err());
    }
    for (String file : List.of("image-00000.png", "image-00001.png", "grid.png")) {
      byte[] expected = Files.readAllBytes(dir.resolve("out-z.csv").resolve(file));
      assertArrayEquals(expected, Files.readAllBytes(dir.resolve("out-z.npy").resolve(file)), file);
      assertArrayEquals(
          expected, Files.readAllBytes(dir.resolve("out-plain.csv").resolve(file)), file);
    }
    assertEquals(
        4 * 28,
        ImageIO.read(dir.resolve("out-z.csv/image-00000.png").toFile()).getWidth(),
        "default scale 4");
  }

  @Test
  void namesBothDimensionsWhenThePointsDoNotFitTheDecoder() throws IOException {
    Path latent = Files.writeString(dir.resolve("three.csv"), "1,2,3\n4,5,6\n");
    CliRun run = decode(latent, dir.resolve("out"));
    assertEquals(1, run.code());
    assertEquals(
        "lq: "
            + latent
            + " has points of dimension 3 but the decoder "
            + decoder
            + " takes latent vectors of dimension 2",
        run.errorLine());
    assertTrue(Files.notExists(dir.resolve("out")));
  }

  @Test
  void badInputIsOneLine() throws IOException {
    Path words = Files.writeString(dir.resolve("words.csv"), "a,b\n1,2\n");
    CliRun run = decode(words, dir.resolve("out"));
    assertEquals(1, run.code());
    assertEquals(
        "lq: "
            + words
            + " needs a header with columns z1..zL (as lq encode and lq sample write) or rows of "
            + "numbers only; row 1 is [a, b]",
        run.errorLine());

    Path ragged = Files.writeString(dir.resolve("ragged.csv"), "1,2\n3\n");
    run = decode(ragged, dir.resolve("out"));
    assertEquals(1, run.code());
    assertEquals(
        "lq: " + ragged + " row 2 has 1 values, expected 2 like the first row", run.errorLine());

    run = decode(dir.resolve("none.csv"), dir.resolve("out"));
    assertEquals("lq: missing latent points file: " + dir.resolve("none.csv"), run.errorLine());

    Path good = Files.writeString(dir.resolve("good.csv"), "1,2\n");
    Files.createDirectories(dir.resolve("taken"));
    run = decode(good, dir.resolve("taken"));
    assertEquals(1, run.code());
    assertEquals(
        "lq: " + dir.resolve("taken") + " exists; use --force to replace it", run.errorLine());
    assertEquals(0, decode(good, dir.resolve("taken"), "--force").code());
    assertTrue(Files.isRegularFile(dir.resolve("taken/image-00000.png")));

    run = decode(good, dir.resolve("o2"), "--scale", "0");
    assertEquals(2, run.code());
  }
}
