package io.latentquery.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills while a checkpoint or export folder is written, simulated by a stream that
 * fails with the operating system's ENOSPC message after a few bytes: the previous folder stays
 * byte for byte and no partial folder is left.
 */
class FullDiskTest {
  @TempDir Path dir;

  /** Writes {@code bytes} through a stream that runs out of space after {@code room} bytes. */
  private static void writeOnFullDisk(Path file, byte[] bytes, int room) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < bytes.length; i++) {
        if (i == room) {
          throw new IOException("No space left on device");
        }
        out.write(bytes[i]);
      }
    }
  }

  @Test
  void aCheckpointWriteThatFillsTheDiskKeepsThePreviousCheckpoint() throws IOException {
    Path checkpoint = dir.resolve("models/run/checkpoint");
    byte[] weights = new byte[4096];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (byte) (i * 31);
    }
    AtomicFiles.writeFolder(
        checkpoint,
        true,
        folder -> {
          Files.write(folder.resolve("variables.data-00000-of-00001"), weights);
          Files.writeString(folder.resolve("state.json"), "{\"epoch\":1}");
        });

    UncheckedIOException e =
        assertThrows(
            UncheckedIOException.class,
            () ->
                AtomicFiles.writeFolder(
                    checkpoint,
                    true,
                    folder -> {
                      writeOnFullDisk(
                          folder.resolve("variables.data-00000-of-00001"), new byte[8192], 1000);
                      Files.writeString(folder.resolve("state.json"), "{\"epoch\":2}");
                    }));
    assertEquals("cannot write " + checkpoint + ": No space left on device", e.getMessage());
    assertArrayEquals(
        weights, Files.readAllBytes(checkpoint.resolve("variables.data-00000-of-00001")));
    assertEquals("{\"epoch\":1}", Files.readString(checkpoint.resolve("state.json")));
    try (Stream<Path> left = Files.list(checkpoint.getParent())) {
      assertEquals(List.of(checkpoint), left.toList(), "no partial folder is left beside it");
    }
  }
}
