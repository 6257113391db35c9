package io.latentquery.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetImporterTest {
  @TempDir Path dir;

  private static void assertSameExamples(Dataset expected, Dataset got) {
    assertEquals(expected.size(), got.size());
    assertEquals(expected.classNames(), got.classNames());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.image(i), got.image(i), 0f, "image " + i);
      assertEquals(expected.label(i), got.label(i), "label " + i);
    }
  }

  @Test
  void anImportedFolderReadsBackAsTheSameSplitsWithItsPathsInIdsCsv() throws Exception {
    Path folder = dir.resolve("cells");
    for (String part : List.of("train", "val", "test")) {
      PngFolders.write(folder.resolve(part + "/a"), 0, 2, part.equals("train") ? 5 : 2, 8);
      PngFolders.write(folder.resolve(part + "/b"), 1, 2, part.equals("train") ? 4 : 2, 8);
    }
    DataCatalog catalog = new DataCatalog(dir);
    DataRequest request = DataRequest.of(folder.toString());
    SplitDataset source = catalog.open(request);
    Path target = dir.resolve("cells-idx");

    DatasetImporter.Summary summary = new DatasetImporter().write(source, request, target, false);

    assertEquals(List.of(9, 4, 4), summary.sizes());
    SplitDataset imported = catalog.open(DataRequest.of(target.toString()));
    for (Split split : List.of(Split.POOL, Split.VALIDATION, Split.TEST)) {
      assertSameExamples(source.split(split), imported.split(split));
    }
    List<String> ids = Files.readAllLines(target.resolve(DatasetImporter.IDS));
    assertEquals("split,index,id", ids.get(0));
    assertEquals("pool,0,train/a/000.png", ids.get(1));
    assertEquals("validation,9,val/a/000.png", ids.get(10));
    assertEquals("test,3,test/b/001.png", ids.get(17));

    InputException exists =
        assertThrows(
            InputException.class,
            () -> new DatasetImporter().write(source, request, target, false));
    assertTrue(exists.getMessage().endsWith("exists; use --force to replace it"));
  }

  @Test
  void colourImagesAreRefusedAndNothingIsWritten() {
    Path folder = dir.resolve("rgb");
    PngFolders.write(folder, 0, 1, 3, 8);
    DataRequest request =
        new DataRequest(folder.toString(), null, null, new ImageFolderOptions(3, null));
    SplitDataset source = new DataCatalog(dir).open(request);
    Path target = dir.resolve("rgb-idx");
    InputException e =
        assertThrows(
            InputException.class,
            () -> new DatasetImporter().write(source, request, target, false));
    assertTrue(e.getMessage().startsWith("IDX files hold grayscale images"), e.getMessage());
    assertTrue(Files.notExists(target));
  }
}
