package io.latentquery.files;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes files and folders so that a reader sees either the old result or the new one, never a
 * half-written one: content goes to a temporary sibling first and is then renamed into place.
 */
public final class AtomicFiles {

  /** Receives the stream of the temporary file. */
  @FunctionalInterface
  public interface StreamWriter {
    void write(OutputStream out) throws IOException;
  }

  /** Fills a temporary folder. */
  @FunctionalInterface
  public interface FolderWriter {
    void write(Path folder) throws IOException;
  }

  private AtomicFiles() {}

  public static void writeString(Path target, String content) {
    write(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
  }

  public static void writeBytes(Path target, byte[] content) {
    write(target, out -> out.write(content));
  }

  /** Writes through a temporary file in the same folder, then renames it over {@code target}. */
  public static void write(Path target, StreamWriter writer) {
    Path absolute = target.toAbsolutePath();
    Path parent = absolute.getParent();
    Path temp = null;
    try {
      Files.createDirectories(parent);
      temp = Files.createTempFile(parent, "." + absolute.getFileName() + ".", ".tmp");
      try (OutputStream out = Files.newOutputStream(temp)) {
        writer.write(out);
      }
      makeReadable(temp, "rw-r--r--");
      move(temp, absolute);
      temp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(temp);
    }
  }

  /**
   * Builds a folder in a temporary sibling, then moves it to {@code target}. An existing target is
   * replaced only when {@code replace} is true; otherwise a {@link FileAlreadyExistsException}
   * (wrapped) is thrown before anything is written.
   */
  public static void writeFolder(Path target, boolean replace, FolderWriter writer) {
    Path absolute = target.toAbsolutePath();
    if (Files.exists(absolute) && !replace) {
      throw new UncheckedIOException(
          new FileAlreadyExistsException(
              absolute.toString(), null, "exists; use --force to replace it"));
    }
    Path parent = absolute.getParent();
    Path temp = null;
    Path old = null;
    try {
      Files.createDirectories(parent);
      temp = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".");
      writer.write(temp);
      makeReadable(temp, "rwxr-xr-x");
      if (Files.exists(absolute)) {
        old = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".old.");
        Files.delete(old);
        move(absolute, old);
      }
      move(temp, absolute);
      temp = null;
    } catch (IOException e) {
      if (old != null && !Files.exists(absolute)) {
        try {
          move(old, absolute);
          old = null;
        } catch (IOException restore) {
          e.addSuppressed(restore);
        }
      }
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(temp);
      deleteQuietly(old);
    }
  }

  /** Temporary files are created private; results are ordinary files readable by others. */
  private static void makeReadable(Path path, String permissions) {
    try {
      Files.setPosixFilePermissions(
          path, java.nio.file.attribute.PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException | IOException ignored) {
      // not a POSIX file system: keep the default permissions
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes a file or a whole folder tree; missing paths are ignored. */
  public static void deleteQuietly(Path path) {
    if (path == null || !Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort: a leftover temporary file is harmless and hidden by its leading dot
    }
  }
}
