package io.latentquery.sampling.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.latentquery.inference.Encodings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimpleLatentCsvTest {
  @TempDir Path dir;

  private Path file(String text) throws IOException {
    Path path = dir.resolve("z.csv");
    Files.writeString(path, text, StandardCharsets.UTF_8);
    return path;
  }

  private static void assertSame(Encodings expected, Encodings actual, String what) {
    assertEquals(expected.count(), actual.count(), what);
    assertEquals(expected.dim(), actual.dim(), what);
    assertArrayEquals(expected.values(), actual.values(), what);
    assertEquals(expected.ids(), actual.ids(), what);
    assertEquals(expected.labels(), actual.labels(), what);
  }

  @Test
  void plainFilesReadFastAndAsTheGeneralParserReadsThem() throws IOException {
    String[] texts = {
      "id,label,z1,z2\na,cat,1.5,-2\nb,,3e-7,0.1\nc,dog,-0.0,4\n",
      "id,label,z1,z2\r\na,cat,1.5,-2\r\nb,,3e-7,0.1\r\n",
      "z2,z1\n1,2\n3,4",
      "label,z1,extra\n,1, x \n,2,y\n",
      "id,z1,z2,z3\n7, 1.5 ,Infinity,NaN\n",
      "id,label,z1\n",
    };
    for (String text : texts) {
      Path path = file(text);
      Encodings fast = SimpleLatentCsv.read(path);
      assertNotNull(fast, text);
      assertSame(LatentFile.readCsvGeneral(path), fast, text);
    }
  }

  @Test
  void roundTripsWhatLqEncodeWritesBitForBit() throws IOException {
    SplittableRandom rng = new SplittableRandom(3);
    int count = 5_000;
    double[] values = new double[count * 3];
    List<String> ids = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      for (int d = 0; d < 3; d++) {
        values[i * 3 + d] = rng.nextGaussian() * Math.pow(10, rng.nextInt(-8, 8));
      }
      ids.add("img-" + i + ".png");
      labels.add(i % 7 == 0 ? null : Integer.toString(i % 10));
    }
    Encodings written = new Encodings(values, count, 3, ids, labels);
    Path path = dir.resolve("big.csv");
    LatentFile.write(path, written);
    Encodings fast = SimpleLatentCsv.read(path);
    assertNotNull(fast);
    assertSame(written, fast, "round trip");
    assertSame(written, LatentFile.read(path), "round trip through LatentFile");
  }

  @Test
  void leavesEverythingElseToTheGeneralParser() throws IOException {
    String[] texts = {
      "id,label,z1\n\"a,b\",cat,1\n",
      "id,label,z1\na,cat,1\n\nb,dog,2\n",
      "id,label,z1\ra,cat,1\r",
      "id,label,z1\na,cat\n",
      "id,label,z1\na,cat,1,2\n",
      "id,z1\n1,abc\n",
      "id,id,z1\n1,2,3\n",
      "id,label,z1\nå,cat,1\n",
      "\uFEFFid,z1\n1,2\n",
      "id,x\n1,2\n",
      "",
    };
    for (String text : texts) {
      assertNull(SimpleLatentCsv.read(file(text)), Arrays.toString(text.getBytes()));
    }
  }

  @Test
  void readsLinesLongerThanItsBuffer() throws IOException {
    StringBuilder text = new StringBuilder("id,z1\n");
    String longId = "x".repeat(3 << 20);
    text.append(longId).append(",2.5\nb,1\n");
    Encodings fast = SimpleLatentCsv.read(file(text.toString()));
    assertNotNull(fast);
    assertEquals(List.of(longId, "b"), fast.ids());
    assertArrayEquals(new double[] {2.5, 1}, fast.values());
  }
}
