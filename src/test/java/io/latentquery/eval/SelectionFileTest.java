package io.latentquery.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.latentquery.InputException;
import io.latentquery.data.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelectionFileTest {
  @TempDir Path dir;

  private final Dataset pool = Synthetic.patterns(5, 1);

  private Path csv(String content) throws Exception {
    Path file = dir.resolve("selection.csv");
    Files.writeString(file, content);
    return file;
  }

  @Test
  void readsTheIndicesInFileOrder() throws Exception {
    Path file =
        csv(
            "rank,index,id,label,z1,z2,cluster,draw_distance\n1,7,7,3,0.1,0.2,0,0.5\n2,2,2,2,0.3,0.1,1,0.4\n");
    assertArrayEquals(new int[] {7, 2}, SelectionFile.read(file, pool));
  }

  @Test
  void anIdThatDoesNotMatchThePoolNamesTheRow() throws Exception {
    Path file = csv("rank,index,id,label\n1,7,7,3\n2,2,12,2\n");
    var e = assertThrows(InputException.class, () -> SelectionFile.read(file, pool));
    assertEquals(
        file
            + " row 2: index 2 has id '12' but pool example 2 of patterns is '2'; the selection was made from other data",
        e.getMessage());
  }

  @Test
  void badIndicesAndColumnsAreNamed() throws Exception {
    var outside =
        assertThrows(
            InputException.class, () -> SelectionFile.read(csv("index,id\n20,20\n"), pool));
    assertEquals(
        dir.resolve("selection.csv")
            + " row 1: index 20 is outside the pool of 20 examples of patterns; the selection was made from other data",
        outside.getMessage());
    var repeated =
        assertThrows(
            InputException.class, () -> SelectionFile.read(csv("index,id\n3,3\n3,3\n"), pool));
    assertEquals(
        dir.resolve("selection.csv") + " row 2: index 3 was already selected in row 1",
        repeated.getMessage());
    var noId =
        assertThrows(
            InputException.class, () -> SelectionFile.read(csv("rank,index\n1,3\n"), pool));
    assertEquals(
        dir.resolve("selection.csv")
            + " has no 'id' column; expected a selection from 'lq sample' (rank,index,id,...)",
        noId.getMessage());
    var notNumber =
        assertThrows(InputException.class, () -> SelectionFile.read(csv("index,id\nx,3\n"), pool));
    assertEquals(
        dir.resolve("selection.csv") + " row 1: index 'x' is not a pool index (an integer >= 0)",
        notNumber.getMessage());
  }
}
