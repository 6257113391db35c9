package io.latentquery.files;

import io.latentquery.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * An exclusive claim on an output (a run folder or a result file) for as long as one command writes
 * it: a lock file {@code NAME.lock} beside the output, locked with the operating system and holding
 * the writer's process id. A second writer is refused with one line naming that process; the
 * operating system drops the lock when its holder dies, so a lock file left by a killed process is
 * taken over with a warning.
 */
public final class OutputLock implements AutoCloseable {
  private static final int ATTEMPTS = 20;

  /**
   * Lock files this process holds. Checked before opening a second channel on one, because closing
   * any channel on a file drops every lock this process holds on it.
   */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private OutputLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file of {@code output}: {@code output.lock} beside it. */
  public static Path lockFile(Path output) {
    Path absolute = output.toAbsolutePath().normalize();
    return absolute.resolveSibling(absolute.getFileName() + ".lock");
  }

  /**
   * Claims {@code output} for this process.
   *
   * @param warnings told, in one line, when a dead process's lock is taken over
   * @throws InputException when another live writer holds it, naming that writer's process id
   */
  public static OutputLock acquire(Path output, Consumer<String> warnings) {
    Path file = lockFile(output);
    if (!HELD.add(file)) {
      throw held(output, file, String.valueOf(ProcessHandle.current().pid()));
    }
    try {
      Files.createDirectories(file.getParent());
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        OutputLock held = tryAcquire(output, file, warnings);
        if (held != null) {
          return held;
        }
      }
      HELD.remove(file);
    } catch (IOException e) {
      HELD.remove(file);
      throw new UncheckedIOException("cannot lock " + output + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      HELD.remove(file);
      throw e;
    }
    throw new InputException(
        "cannot lock " + output + ": its lock file " + file + " keeps changing");
  }

  /** One try: the lock, or null when the lock file was replaced meanwhile (try again). */
  private static OutputLock tryAcquire(Path output, Path file, Consumer<String> warnings)
      throws IOException {
    Object before = fileKey(file);
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    try {
      if (lock == null) {
        throw held(output, file, read(channel).strip());
      }
      if (before == null || !Objects.equals(before, fileKey(file))) {
        lock.release();
        channel.close();
        return null;
      }
      String previous = read(channel).strip();
      if (!previous.isEmpty()) {
        warnings.accept(
            "taking over the lock of "
                + output
                + " from process "
                + previous
                + ", which is no longer running");
      }
      byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(pid), 0);
      channel.force(true);
      return new OutputLock(file, channel, lock);
    } catch (IOException | RuntimeException e) {
      if (lock != null && lock.isValid()) {
        lock.release();
      }
      channel.close();
      throw e;
    }
  }

  private static InputException held(Path output, Path file, String holder) {
    return new InputException(
        output
            + " is being written by process "
            + (holder.isEmpty() ? "(unknown)" : holder)
            + " (lock file "
            + file
            + "); wait for it to finish or stop it");
  }

  private static Object fileKey(Path file) throws IOException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static String read(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(64);
    channel.read(buffer, 0);
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
  }

  /** The lock file. */
  public Path file() {
    return file;
  }

  /** Removes the lock file and releases the lock, so the next writer starts clean. */
  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
      lock.release();
      channel.close();
      HELD.remove(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the lock " + file + ": " + e.getMessage(), e);
    }
  }
}
