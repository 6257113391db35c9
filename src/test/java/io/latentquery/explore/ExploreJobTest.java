package io.latentquery.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.InputException;
import io.latentquery.data.Dataset;
import io.latentquery.inference.Encodings;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExploreJobTest {
  @TempDir Path dir;

  @Test
  void everyThumbnailInThePageIsItsPoolImage() throws Exception {
    Dataset pool = ExploreFixtures.pool(30, 3, 1);
    Path page = dir.resolve("explore.html");
    new ExploreJob(ExploreSettings.defaults())
        .write(
            new ExploreJob.Input(ExploreFixtures.grid(pool, 6), pool, new int[] {4, 2}, "t"),
            page,
            false);
    String html = Files.readString(page);
    Matcher uri = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(html);
    assertTrue(uri.find());
    BufferedImage sheet =
        ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(uri.group(1))));
    int columns = (int) Math.ceil(Math.sqrt(30));
    for (int k = 0; k < 30; k++) {
      float[] image = pool.image(k);
      for (int y = 0; y < 6; y++) {
        for (int x = 0; x < 5; x++) {
          int got = sheet.getRaster().getSample((k % columns) * 5 + x, (k / columns) * 6 + y, 0);
          assertEquals(
              Math.round(image[y * 5 + x] * 255), got, "image " + k + " at " + x + "," + y);
        }
      }
    }
    InputException exists =
        assertThrows(
            InputException.class,
            () ->
                new ExploreJob(ExploreSettings.defaults())
                    .write(
                        new ExploreJob.Input(ExploreFixtures.grid(pool, 6), pool, new int[0], "t"),
                        page,
                        false));
    assertTrue(exists.getMessage().endsWith("exists; use --force to replace it"));
  }

  @Test
  void aSampledPageKeepsTheSelectionAndIsSeeded() {
    Dataset pool = ExploreFixtures.pool(500, 4, 2);
    Encodings encodings = ExploreFixtures.grid(pool, 25);
    int[] selected = {499, 7, 250};
    ExploreSettings settings = new ExploreSettings(5, 100, 9, 32);
    ExploreData data =
        new ExploreJob(settings).build(new ExploreJob.Input(encodings, pool, selected, "t"));
    ExploreData again =
        new ExploreJob(settings).build(new ExploreJob.Input(encodings, pool, selected, "t"));

    assertEquals(100, data.count());
    assertArrayEquals(data.index(), again.index());
    int[] sorted = data.index().clone();
    Arrays.sort(sorted);
    assertArrayEquals(sorted, data.index(), "points are in pool order");
    List<Integer> rankOrder = new ArrayList<>();
    for (int position : data.selected()) {
      rankOrder.add(data.index()[position]);
      assertEquals(pool.id(data.index()[position]), data.id().get(position));
    }
    assertEquals(List.of(499, 7, 250), rankOrder);
    for (int p = 0; p < data.count(); p++) {
      int index = data.index()[p];
      assertEquals(index % 25, data.x()[p], 0);
      assertEquals(index / 25, data.y()[p], 0);
      assertEquals(pool.label(index), data.label()[p]);
      assertEquals(data.x()[p], data.z()[2 * p], 0);
    }
    assertEquals(5, Arrays.stream(data.cluster()).distinct().count());
  }

  @Test
  void encodingsOfOtherExamplesAreRefused() {
    Dataset pool = ExploreFixtures.pool(10, 2, 3);
    Encodings other = ExploreFixtures.grid(ExploreFixtures.pool(10, 2, 3).limit(9), 3);
    InputException count =
        assertThrows(
            InputException.class,
            () ->
                new ExploreJob(ExploreSettings.defaults())
                    .build(new ExploreJob.Input(other, pool, new int[0], "t")));
    assertTrue(count.getMessage().startsWith("the encodings hold 9 examples but the pool"));
    IllegalArgumentException tooMany =
        assertThrows(IllegalArgumentException.class, () -> new ExploreSettings(10, 70_000, 0, 32));
    assertTrue(tooMany.getMessage().startsWith("--max-points must be between 1 and 60000"));
  }
}
