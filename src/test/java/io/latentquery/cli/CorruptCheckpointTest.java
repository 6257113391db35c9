package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.UsesTestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code --resume} on a truncated checkpoint: one line, exit 1, and the run folder unchanged. */
@ExtendWith(UsesTestData.class)
class CorruptCheckpointTest {
  @TempDir Path dir;

  private static Map<Path, byte[]> contents(Path folder) throws IOException {
    Map<Path, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(file), Files.readAllBytes(file));
      }
    }
    return files;
  }

  @Test
  void resumeFromATruncatedCheckpointIsOneLineAndChangesNothing() throws IOException {
    Path run = dir.resolve("models/tiny");
    CliRun trained =
        CliRun.of(
            "train",
            "--data",
            "mnist",
            "--limit",
            "64",
            "--filters",
            "4,4",
            "--dense",
            "8",
            "--epochs",
            "1",
            "--threads",
            "1",
            "--no-export",
            "--run",
            run.toString());
    assertEquals(0, trained.code(), trained.err());
    Path data;
    try (Stream<Path> files = Files.list(run.resolve("checkpoint"))) {
      data =
          files
              .filter(f -> f.getFileName().toString().startsWith("variables.data"))
              .findFirst()
              .orElseThrow();
    }
    byte[] full = Files.readAllBytes(data);
    Files.write(data, java.util.Arrays.copyOf(full, full.length / 2));
    Map<Path, byte[]> before = contents(run);

    CliRun resumed =
        CliRun.of("train", "--run", run.toString(), "--no-export", "--resume", "--epochs", "2");
    assertEquals(1, resumed.code(), resumed.err());
    List<String> lines = resumed.err().lines().filter(l -> l.startsWith("lq:")).toList();
    assertEquals(1, lines.size(), resumed.err());
    assertTrue(
        lines
            .get(0)
            .startsWith(
                "lq: cannot resume "
                    + run
                    + ": its checkpoint "
                    + run.resolve("checkpoint")
                    + " is corrupt or truncated ("),
        lines.get(0));
    assertTrue(lines.get(0).endsWith("); nothing was changed"), lines.get(0));
    assertFalse(resumed.err().contains("\tat "), resumed.err());
    Map<Path, byte[]> after = contents(run);
    assertEquals(before.keySet(), after.keySet());
    for (Path file : before.keySet()) {
      assertArrayEquals(before.get(file), after.get(file), file + " is unchanged");
    }
  }
}
