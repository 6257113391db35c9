package io.latentquery.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelsCsvTest {
  @TempDir Path dir;

  private static final List<String> POOL = List.of("a", "b", "c, quoted", "d");

  @Test
  void writeThenReadGivesTheSameRowsAndPlacesThemInThePool() {
    Path file = dir.resolve("labels.csv");
    LabelsCsv.write(file, List.of("d", "c, quoted"), List.of("cat", "dog"));
    LabelsCsv.Labels labels = LabelsCsv.read(file);
    assertEquals(List.of("d", "c, quoted"), labels.ids());
    assertEquals(List.of("cat", "dog"), labels.classes());
    LabelsCsv.Resolved resolved = labels.resolve(POOL, "the pool", List.of("dog", "cat"));
    assertArrayEquals(new int[] {3, 2}, resolved.indices());
    assertArrayEquals(new int[] {1, 0}, resolved.classes());
  }

  @Test
  void extraColumnsAreWrittenAfterIdLabelAndIgnoredOnReading() throws IOException {
    Path file = dir.resolve("pool-labels.csv");
    LabelsCsv.write(
        file, List.of("a", "b"), List.of("1", "2"), Map.of("confidence", List.of("0.5", "1.0")));
    assertEquals(List.of("id,label,confidence", "a,1,0.5", "b,2,1.0"), Files.readAllLines(file));
    assertEquals(List.of("a", "b"), LabelsCsv.read(file).ids());
  }

  @Test
  void aSelectionWithLabelsReadsAsALabelsFile() throws IOException {
    Path file = dir.resolve("selection.csv");
    Files.writeString(file, "rank,index,id,label,z1\n1,3,d,7,0.5\n2,0,a,1,0.25\n");
    LabelsCsv.Labels labels = LabelsCsv.read(file);
    assertEquals(List.of("d", "a"), labels.ids());
    assertEquals(List.of("7", "1"), labels.classes());
  }

  @Test
  void unknownIdNamesTheFileAndTheFirstBadRow() throws IOException {
    Path file = dir.resolve("labels.csv");
    Files.writeString(file, "id,label\na,x\nzz,x\nyy,x\n");
    InputException e =
        assertThrows(
            InputException.class,
            () -> LabelsCsv.read(file).resolve(POOL, "mnist/pool", List.of("x")));
    assertEquals(file + " row 2: id 'zz' is not in mnist/pool", e.getMessage());
  }

  @Test
  void unknownClassNamesTheFileTheRowAndTheClasses() throws IOException {
    Path file = dir.resolve("labels.csv");
    Files.writeString(file, "id,label\na,1\nb,seven\n");
    InputException e =
        assertThrows(
            InputException.class,
            () -> LabelsCsv.read(file).resolve(POOL, "mnist/pool", List.of("0", "1")));
    assertEquals(
        file + " row 2: label 'seven' of id 'b' is not a class of mnist/pool (0, 1)",
        e.getMessage());
  }

  @Test
  void withoutKnownClassesTheFileNamesThemInOrderOfAppearance() throws IOException {
    Path file = dir.resolve("labels.csv");
    Files.writeString(file, "id,label\nb,dog\na,cat\nd,dog\n");
    LabelsCsv.Resolved resolved = LabelsCsv.read(file).resolve(POOL, "pool", List.of());
    assertEquals(List.of("dog", "cat"), resolved.classNames());
    assertArrayEquals(new int[] {0, 1, 0}, resolved.classes());
  }

  @Test
  void refusesMissingColumnsEmptyLabelsRepeatsAndEmptyFiles() throws IOException {
    assertRefused("id\na\n", "has no 'label' column; a labels file has the header id,label");
    assertRefused(
        "index,label\n1,a\n", "has no 'id' column; a labels file has the header id,label");
    assertRefused("id,label\na,1\nb,\n", "row 2: id 'b' has no label");
    assertRefused("id,label\na,1\nb,2\na,1\n", "row 3: id 'a' was already labeled in row 1");
    assertRefused("id,label\n", "holds no labels");
    assertThrows(InputException.class, () -> LabelsCsv.read(dir.resolve("absent.csv")));
  }

  private void assertRefused(String content, String message) throws IOException {
    Path file = Files.createTempFile(dir, "labels", ".csv");
    Files.writeString(file, content);
    InputException e = assertThrows(InputException.class, () -> LabelsCsv.read(file));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.getMessage().endsWith(message), e.getMessage());
  }
}
