package io.latentquery.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentquery.InputException;
import io.latentquery.data.ByteImageDataset;
import io.latentquery.data.Dataset;
import io.latentquery.data.ImageShape;
import io.latentquery.files.Json;
import io.latentquery.report.Pixels;
import java.awt.image.BufferedImage;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class LabelStudioRoundTripTest {
  private static final List<String> CLASSES = List.of("cat", "dog", "bird, small");

  @TempDir Path root;

  /** Four gray images 3 wide and 2 high with ids a..d, every pixel a different level. */
  private static Dataset pool() {
    byte[] pixels = new byte[4 * 6];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (i * 10);
    }
    return new ByteImageDataset(
        "tiny/pool",
        new ImageShape(2, 3, 1),
        pixels,
        new int[] {0, 1, 2, 0},
        CLASSES,
        i -> List.of("a", "b", "c", "d").get(i),
        "tiny");
  }

  private ExportManifest export(Path out) {
    LabelStudioExport.Settings settings =
        new LabelStudioExport.Settings(
            pool(), new int[] {1, 3, 0}, CLASSES, out, root, Map.of("selection", "s.csv"));
    return LabelStudioExport.run(settings, false);
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(LabelStudioRoundTripTest.class.getResource("/labelstudio/" + name).toURI());
  }

  @Test
  void exportWritesTheImagesTasksConfigAndManifest() throws Exception {
    Path out = root.resolve("ls");
    export(out);
    JsonNode tasks = Json.readTree(out.resolve(LabelStudioExport.TASKS));
    assertEquals(3, tasks.size());
    Dataset pool = pool();
    int[] chosen = {1, 3, 0};
    for (int t = 0; t < 3; t++) {
      JsonNode data = tasks.get(t).get("data");
      assertEquals(pool.id(chosen[t]), data.get("pool_id").asText());
      String url = data.get("image").asText();
      assertTrue(url.startsWith("/data/local-files/?d=ls/images/"), url);
      Path png = root.resolve(url.substring("/data/local-files/?d=".length()));
      BufferedImage image = ImageIO.read(png.toFile());
      assertEquals(3, image.getWidth());
      assertEquals(2, image.getHeight());
      float[] pixels = pool.image(chosen[t]);
      for (int y = 0; y < 2; y++) {
        for (int x = 0; x < 3; x++) {
          int level = Pixels.level(pixels[y * 3 + x]);
          assertEquals(level, image.getRGB(x, y) & 0xff, "task " + t + " pixel " + x + "," + y);
        }
      }
    }
    Document config =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(out.resolve(LabelStudioExport.CONFIG).toFile());
    NodeList choices = config.getElementsByTagName("Choice");
    List<String> values = new ArrayList<>();
    for (int i = 0; i < choices.getLength(); i++) {
      values.add(choices.item(i).getAttributes().getNamedItem("value").getNodeValue());
    }
    assertEquals(CLASSES, values);
    assertEquals(
        "label",
        config
            .getElementsByTagName("Choices")
            .item(0)
            .getAttributes()
            .getNamedItem("name")
            .getNodeValue());
    ExportManifest manifest = ExportManifest.read(out);
    assertEquals(List.of("b", "d", "a"), manifest.ids());
    assertEquals(CLASSES, manifest.classes());
  }

  @Test
  void anExistingFolderIsKeptAndAFolderOutsideTheDocumentRootIsRefused() throws Exception {
    Path out = root.resolve("ls");
    export(out);
    assertThrows(RuntimeException.class, () -> export(out));
    assertTrue(Files.exists(out.resolve(ExportManifest.FILE)));
    LabelStudioExport.Settings outside =
        new LabelStudioExport.Settings(
            pool(), new int[] {0}, CLASSES, root.resolveSibling("elsewhere"), root, Map.of());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LabelStudioExport.run(outside, false));
    assertTrue(e.getMessage().contains("is not inside --document-root"), e.getMessage());
  }

  @Test
  void theJsonAndTheCsvExportGiveTheSameLabelsInTaskOrder() throws Exception {
    Path out = root.resolve("ls");
    ExportManifest manifest = export(out);
    Map<String, String> expected = Map.of("b", "cat", "d", "dog", "a", "bird, small");
    Map<String, String> fromJson = LabelStudioImport.read(fixture("export.json"), manifest);
    Map<String, String> fromCsv = LabelStudioImport.read(fixture("export.csv"), manifest);
    assertEquals(expected, fromJson);
    assertEquals(expected, fromCsv);
    assertEquals(List.of("b", "d", "a"), new ArrayList<>(fromJson.keySet()));
  }

  @Test
  void refusesUnknownIdsUnknownClassesMissingAndConflictingAnnotations() throws Exception {
    ExportManifest manifest = export(root.resolve("ls"));
    String json = Files.readString(fixture("export.json"));

    Path unknownId =
        write("unknown-id.json", json.replace("\"pool_id\": \"a\"", "\"pool_id\": \"z\""));
    assertRefused(unknownId, manifest, " task 3: pool id 'z' is not among the exported images");

    Path unknownClass = write("unknown-class.json", json.replace("[\"dog\"]}", "[\"horse\"]}"));
    assertRefused(
        unknownClass,
        manifest,
        " task 2 (pool id 'd'): label 'horse' is not one of the exported classes"
            + " (cat, dog, bird, small)");

    String conflict = json.replaceFirst("\\[\"dog\"\\]", "[\"cat\"]");
    assertRefused(
        write("conflict.json", conflict),
        manifest,
        " task 2 (pool id 'd'): conflicting annotations 'cat' and 'dog'");

    // The only annotation of task 1 skipped: no label for pool id b.
    String skipped = json.replaceFirst("\"was_cancelled\": false", "\"was_cancelled\": true");
    assertRefused(
        write("skipped.json", skipped),
        manifest,
        " task 1 (pool id 'b'): no annotation with a label");

    String csv = Files.readString(fixture("export.csv"));
    String withoutA =
        csv.lines().filter(l -> !l.contains("\"a\",")).reduce("", (x, l) -> x + l + "\n");
    Path missing = write("missing.csv", withoutA);
    assertRefused(
        missing, manifest, ": pool id 'a' has no task; every exported image needs a label");
    String csvConflict = csv.replace(",\"dog\",4.0,", ",\"cat\",4.0,");
    assertRefused(
        write("conflict.csv", csvConflict),
        manifest,
        " row 4 (pool id 'd'): conflicting annotations 'dog' and 'cat'");
  }

  private Path write(String name, String content) throws Exception {
    Path file = root.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  private static void assertRefused(Path file, ExportManifest manifest, String message) {
    InputException e =
        assertThrows(InputException.class, () -> LabelStudioImport.read(file, manifest));
    assertEquals(file + message, e.getMessage());
  }
}
