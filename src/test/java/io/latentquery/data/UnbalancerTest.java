package io.latentquery.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.TestData;
import io.latentquery.files.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnbalancerTest {
  private static SplitDataset mnist;
  private static Dataset pool;
  private static UnbalancedPool seed1;

  @TempDir Path dir;

  @BeforeAll
  static void unbalanceMnistOnce() {
    mnist = TestData.catalog().open(DataRequest.of("mnist"));
    pool = mnist.split(Split.POOL);
    seed1 = new Unbalancer(UnbalanceSettings.of(1, 2000)).apply(pool);
  }

  @Test
  void evenClassesGainAndOddClassesLoseExactlyTheShift() {
    int[] before = Unbalancer.counts(pool, 10);
    assertArrayEquals(before, seed1.countsBefore());
    int[] after = seed1.counts();
    for (int k = 0; k < 10; k++) {
      assertEquals(before[k] + (k % 2 == 0 ? 2000 : -2000), after[k], "class " + k);
    }
    assertEquals(50_000 + 5 * 2000 - 5 * 2000, seed1.size());
    int added = 0;
    for (int i = 0; i < seed1.size(); i++) {
      if (seed1.augmented()[i]) {
        added++;
        assertEquals(0, seed1.labels()[i] % 2, "only even classes gain examples");
      }
      assertEquals(
          pool.label(seed1.sources()[i]), seed1.labels()[i], "an example keeps its source's class");
    }
    assertEquals(5 * 2000, added);
  }

  @Test
  void newImagesDifferFromTheirSourceButLessThanDifferentDigitsDo() {
    int pixels = pool.shape().size();
    double toSource = 0;
    long inkWarped = 0;
    long inkSource = 0;
    int augmented = 0;
    for (int i = 0; i < seed1.size(); i++) {
      if (seed1.augmented()[i]) {
        byte[] source = IdxWriter.pixelBytes(pool.subset("s", new int[] {seed1.sources()[i]}));
        double d = meanAbsDifference(seed1.pixels(), i * pixels, source, 0, pixels);
        assertTrue(d > 0, "new example " + i + " is a copy of pool image " + seed1.sources()[i]);
        toSource += d;
        inkWarped += sum(seed1.pixels(), i * pixels, pixels);
        inkSource += sum(source, 0, pixels);
        augmented++;
      } else {
        double d =
            meanAbsDifference(
                seed1.pixels(),
                i * pixels,
                IdxWriter.pixelBytes(pool.subset("s", new int[] {seed1.sources()[i]})),
                0,
                pixels);
        assertEquals(0.0, d, "kept example " + i + " is unchanged");
      }
    }
    toSource /= augmented;
    double inkRatio = inkWarped / (double) inkSource;
    assertTrue(
        inkRatio > 0.9 && inkRatio < 1.05,
        "rotation and translation keep the ink: ratio " + inkRatio);
    SplittableRandom random = new SplittableRandom(3);
    byte[] all = IdxWriter.pixelBytes(pool.limit(5000));
    double between = 0;
    int pairs = 0;
    while (pairs < 2000) {
      int a = random.nextInt(5000);
      int b = random.nextInt(5000);
      if (pool.label(a) != pool.label(b)) {
        between += meanAbsDifference(all, a * pixels, all, b * pixels, pixels);
        pairs++;
      }
    }
    between /= pairs;
    assertTrue(
        toSource < 0.7 * between,
        "warped-to-source " + toSource + " vs different digits " + between);
  }

  @Test
  void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() {
    UnbalancedPool again = new Unbalancer(UnbalanceSettings.of(1, 2000)).apply(pool);
    assertArrayEquals(seed1.pixels(), again.pixels());
    assertArrayEquals(seed1.labels(), again.labels());
    UnbalancedPool other = new Unbalancer(UnbalanceSettings.of(2, 2000)).apply(pool);
    assertFalse(Arrays.equals(seed1.pixels(), other.pixels()));
    assertArrayEquals(seed1.counts(), other.counts());
  }

  @Test
  void theFolderReadsBackAsADatasetWithValidationAndTestUnchanged() throws Exception {
    Path out = dir.resolve("mnist-unbalanced");
    UnbalanceSummary summary =
        new UnbalancedDatasetWriter(UnbalanceSettings.of(1, 2000)).write(mnist, out, false);
    SplitDataset written = new DataCatalog(dir).open(DataRequest.of(out.toString()));
    Dataset writtenPool = written.split(Split.POOL);
    assertEquals(seed1.size(), writtenPool.size());
    assertArrayEquals(
        seed1.pixels(), IdxWriter.pixelBytes(writtenPool), "the folder holds the seeded pool");
    assertArrayEquals(seed1.labels(), writtenPool.labels());
    assertArrayEquals(
        IdxWriter.pixelBytes(mnist.split(Split.VALIDATION)),
        IdxWriter.pixelBytes(written.split(Split.VALIDATION)));
    assertArrayEquals(
        mnist.split(Split.VALIDATION).labels(), written.split(Split.VALIDATION).labels());
    assertArrayEquals(
        IdxWriter.pixelBytes(mnist.split(Split.TEST)),
        IdxWriter.pixelBytes(written.split(Split.TEST)));
    assertArrayEquals(mnist.split(Split.TEST).labels(), written.split(Split.TEST).labels());

    UnbalanceSummary read =
        Json.read(out.resolve(UnbalanceSummary.FILE_NAME), UnbalanceSummary.class);
    assertEquals(summary.poolCountsAfter(), read.poolCountsAfter());
    assertEquals(Arrays.stream(seed1.counts()).boxed().toList(), read.poolCountsAfter());
    assertEquals(1, read.settings().seed());
    assertEquals(10_000, read.validationSize());

    var refused =
        assertThrows(
            java.io.UncheckedIOException.class,
            () ->
                new UnbalancedDatasetWriter(UnbalanceSettings.of(1, 2000))
                    .write(mnist, out, false));
    assertTrue(refused.getMessage().contains("use --force"), refused.getMessage());
    assertTrue(Files.isRegularFile(out.resolve(DatasetManifest.FILE_NAME)));
  }

  @Test
  void aShiftLargerThanAnOddClassIsRefusedNamingTheLimit() {
    // MNIST's pool has 4,506 fives, the fewest of the odd digits.
    int smallestOdd = 4506;
    assertEquals(smallestOdd, Unbalancer.counts(pool, 10)[5]);
    int shift = smallestOdd + 1;
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Unbalancer(UnbalanceSettings.of(1, shift)).apply(pool));
    assertEquals(
        "shift 4507 would leave odd class 5 with a negative count: it has only 4506 pool examples; use a shift of at most 4506",
        e.getMessage());
  }

  @Test
  void warpWithoutMotionIsTheIdentityAndAWholePixelShiftMovesEveryPixel() {
    byte[] image = new byte[4 * 5];
    for (int i = 0; i < image.length; i++) {
      image[i] = (byte) (10 * i + 5);
    }
    assertArrayEquals(image, ImageWarp.rotateTranslate(image, 4, 5, 0, 0, 0));
    byte[] right = ImageWarp.rotateTranslate(image, 4, 5, 0, 1, 0);
    for (int y = 0; y < 4; y++) {
      assertEquals(0, right[y * 5], "the column that comes from outside is background");
      for (int x = 1; x < 5; x++) {
        assertEquals(image[y * 5 + x - 1], right[y * 5 + x]);
      }
    }
    // Half a pixel down: each pixel is the mean of itself and the one above (rounded half up).
    byte[] down = ImageWarp.rotateTranslate(image, 4, 5, 0, 0, 0.5);
    assertEquals(Math.round((5 + 55) / 2.0), down[5] & 0xff);
  }

  @Test
  void aQuarterTurnRotatesAboutTheCentre() {
    // 3x3 with one bright pixel right of the centre; a quarter turn counter-clockwise puts it
    // above.
    byte[] image = new byte[9];
    image[1 * 3 + 2] = (byte) 200;
    byte[] turned = ImageWarp.rotateTranslate(image, 3, 3, 90, 0, 0);
    assertEquals(200, turned[0 * 3 + 1] & 0xff);
    assertEquals(0, turned[1 * 3 + 2] & 0xff);
  }

  private static long sum(byte[] a, int offset, int n) {
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += a[offset + i] & 0xff;
    }
    return sum;
  }

  private static double meanAbsDifference(byte[] a, int offsetA, byte[] b, int offsetB, int n) {
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += Math.abs((a[offsetA + i] & 0xff) - (b[offsetB + i] & 0xff));
    }
    return sum / (255.0 * n);
  }
}
