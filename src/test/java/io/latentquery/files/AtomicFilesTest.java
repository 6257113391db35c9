package io.latentquery.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("result.csv");
    AtomicFiles.writeString(target, "old");
    assertThrows(
        UncheckedIOException.class,
        () ->
            AtomicFiles.write(
                target,
                out -> {
                  out.write("half".getBytes());
                  throw new IOException("disk full");
                }));
    assertEquals("old", Files.readString(target));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void folderIsReplacedOnlyWhenAskedAndAFailedBuildKeepsTheOld() throws IOException {
    Path target = dir.resolve("export");
    AtomicFiles.writeFolder(target, false, tmp -> Files.writeString(tmp.resolve("a"), "1"));
    UncheckedIOException exists =
        assertThrows(
            UncheckedIOException.class, () -> AtomicFiles.writeFolder(target, false, tmp -> {}));
    assertTrue(exists.getMessage().contains("--force"), exists.getMessage());

    assertThrows(
        UncheckedIOException.class,
        () ->
            AtomicFiles.writeFolder(
                target,
                true,
                tmp -> {
                  Files.writeString(tmp.resolve("b"), "2");
                  throw new IOException("export failed");
                }));
    assertEquals("1", Files.readString(target.resolve("a")));

    AtomicFiles.writeFolder(target, true, tmp -> Files.writeString(tmp.resolve("b"), "2"));
    assertEquals("2", Files.readString(target.resolve("b")));
    assertTrue(Files.notExists(target.resolve("a")));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary folders left");
    }
  }

  @Test
  void checksumOfAFolderDependsOnNamesAndBytes() throws IOException {
    Path a = Files.createDirectories(dir.resolve("a"));
    Files.writeString(a.resolve("x"), "1");
    String first = Checksums.sha256(a);
    Files.writeString(a.resolve("x"), "2");
    assertTrue(!first.equals(Checksums.sha256(a)));
    assertEquals(
        Checksums.sha256("abc".getBytes()),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
