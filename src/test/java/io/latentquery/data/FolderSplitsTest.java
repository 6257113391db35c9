package io.latentquery.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image folders split by sub-folders (train/, val/, test/) and by fraction (dataset.json). */
class FolderSplitsTest {
  @TempDir Path dir;

  private SplitDataset open(Path folder, FolderSplit split) {
    return new DataCatalog(dir)
        .open(
            new DataRequest(folder.toString(), null, null, new ImageFolderOptions(1, null, split)));
  }

  private static List<String> ids(Dataset dataset) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < dataset.size(); i++) {
      ids.add(dataset.id(i));
    }
    return ids;
  }

  private static int count(Dataset dataset, int label) {
    int n = 0;
    for (int i = 0; i < dataset.size(); i++) {
      n += dataset.label(i) == label ? 1 : 0;
    }
    return n;
  }

  @Test
  void splitSubFoldersGivePoolValidationAndTestWithOneClassNumbering() {
    Path folder = dir.resolve("cells");
    PngFolders.write(folder.resolve("train/a"), 0, 2, 3, 8);
    PngFolders.write(folder.resolve("train/b"), 1, 2, 2, 8);
    PngFolders.write(folder.resolve("val/b"), 1, 2, 2, 8);
    PngFolders.write(folder.resolve("test/a"), 0, 2, 1, 8);
    PngFolders.write(folder.resolve("test/b"), 1, 2, 1, 8);

    SplitDataset split = open(folder, null);

    Dataset pool = split.split(Split.POOL);
    Dataset validation = split.split(Split.VALIDATION);
    Dataset test = split.split(Split.TEST);
    assertEquals(5, pool.size());
    assertEquals(2, validation.size());
    assertEquals(2, test.size());
    assertEquals(List.of("a", "b"), pool.classNames());
    assertEquals("train/a/000.png", pool.id(0));
    assertEquals("val/b/000.png", validation.id(0));
    // val/ holds only class b, which is still class 1 of the whole folder.
    assertEquals(1, validation.label(0));
    assertEquals(List.of(0, 1), List.of(test.label(0), test.label(1)));
    assertEquals("test/b/000.png", test.id(1));
  }

  @Test
  void flatPoolWithLabeledTestAndPoolFolderName() {
    Path folder = dir.resolve("shots");
    PngFolders.write(folder.resolve("pool"), 0, 2, 4, 8);
    PngFolders.write(folder.resolve("test/x"), 0, 2, 2, 8);
    PngFolders.write(folder.resolve("test/y"), 1, 2, 2, 8);

    SplitDataset split = open(folder, null);

    assertFalse(split.split(Split.POOL).hasLabels());
    assertEquals(4, split.split(Split.POOL).size());
    assertEquals(0, split.split(Split.VALIDATION).size());
    assertEquals(List.of("x", "y"), split.split(Split.TEST).classNames());
  }

  @Test
  void poolWithClassesAndFlatValidationIsRefused() {
    Path folder = dir.resolve("mixed");
    PngFolders.write(folder.resolve("train/a"), 0, 2, 2, 8);
    PngFolders.write(folder.resolve("val"), 0, 2, 2, 8);
    InputException e = assertThrows(InputException.class, () -> open(folder, null));
    assertTrue(e.getMessage().contains("has class sub-folders but"), e.getMessage());
    assertTrue(e.getMessage().contains("give both or neither"), e.getMessage());
  }

  @Test
  void fractionSplitIsStratifiedAndKeptInDatasetJson() throws IOException {
    Path folder = dir.resolve("digits");
    PngFolders.write(folder.resolve("a"), 0, 2, 10, 8);
    PngFolders.write(folder.resolve("b"), 1, 2, 6, 8);

    SplitDataset split = open(folder, new FolderSplit(0.2, 0.3, 7));

    // a: 10 -> validation round(2.0) = 2, test round(3.0) = 3, pool 5;
    // b: 6 -> validation round(1.2) = 1, test round(1.8) = 2, pool 3.
    Dataset pool = split.split(Split.POOL);
    Dataset validation = split.split(Split.VALIDATION);
    Dataset test = split.split(Split.TEST);
    assertEquals(List.of(5, 3), List.of(count(pool, 0), count(pool, 1)));
    assertEquals(List.of(2, 1), List.of(count(validation, 0), count(validation, 1)));
    assertEquals(List.of(3, 2), List.of(count(test, 0), count(test, 1)));
    Set<String> all = new HashSet<>(ids(pool));
    all.addAll(ids(validation));
    all.addAll(ids(test));
    assertEquals(16, all.size(), "the three parts are disjoint and cover the folder");
    assertTrue(Files.isRegularFile(folder.resolve("dataset.json")));

    // Later commands without the options see the same split; the same options are accepted.
    SplitDataset again = open(folder, null);
    assertEquals(ids(pool), ids(again.split(Split.POOL)));
    assertEquals(ids(test), ids(again.split(Split.TEST)));
    assertEquals(
        ids(validation), ids(open(folder, new FolderSplit(0.2, 0.3, 7)).split(Split.VALIDATION)));

    InputException other =
        assertThrows(InputException.class, () -> open(folder, new FolderSplit(0.2, 0.3, 8)));
    assertTrue(
        other
            .getMessage()
            .contains(
                "keeps the split --validation-split 0.2 --test-split 0.3" + " --split-seed 7"),
        other.getMessage());
    assertTrue(other.getMessage().endsWith("delete it to split the folder again"));
  }

  @Test
  void sameSeedSameSplitOtherSeedOtherSplit() {
    Path first = dir.resolve("one");
    Path second = dir.resolve("two");
    Path third = dir.resolve("three");
    for (Path folder : List.of(first, second, third)) {
      PngFolders.write(folder.resolve("a"), 0, 2, 20, 8);
      PngFolders.write(folder.resolve("b"), 1, 2, 20, 8);
    }
    List<String> one = ids(open(first, new FolderSplit(0.25, 0.25, 1)).split(Split.TEST));
    List<String> two = ids(open(second, new FolderSplit(0.25, 0.25, 1)).split(Split.TEST));
    List<String> three = ids(open(third, new FolderSplit(0.25, 0.25, 2)).split(Split.TEST));
    assertEquals(one, two);
    assertNotEquals(one, three);
  }

  @Test
  void imageAddedAfterTheSplitIsRefusedByName() {
    Path folder = dir.resolve("grow");
    PngFolders.write(folder.resolve("a"), 0, 2, 5, 8);
    open(folder, new FolderSplit(0.2, 0.2, 0));
    PngFolders.write(folder.resolve("b"), 1, 2, 1, 8);
    InputException e = assertThrows(InputException.class, () -> open(folder, null));
    assertTrue(e.getMessage().contains("b/000.png is not in the split kept in"), e.getMessage());
  }

  @Test
  void unlabeledFolderSplitsByCountAndFractionsOnBuiltinsAreRefused() {
    Path folder = dir.resolve("flat");
    PngFolders.write(folder, 0, 1, 10, 8);
    SplitDataset split = open(folder, new FolderSplit(0.1, 0.0, 3));
    assertEquals(9, split.split(Split.POOL).size());
    assertEquals(1, split.split(Split.VALIDATION).size());
    assertFalse(split.hasTest());

    IllegalArgumentException builtin =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new DataCatalog(dir)
                    .open(
                        new DataRequest(
                            "mnist", null, null, new ImageFolderOptions(1, null, split()))));
    assertTrue(builtin.getMessage().startsWith("--validation-split and --test-split apply to"));
    IllegalArgumentException tooMuch =
        assertThrows(IllegalArgumentException.class, () -> new FolderSplit(0.5, 0.5, 0));
    assertTrue(tooMuch.getMessage().contains("must leave a pool"), tooMuch.getMessage());
  }

  private static FolderSplit split() {
    return new FolderSplit(0.1, 0.1, 0);
  }
}
