package io.latentquery.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.InputException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLockTest {
  @TempDir Path dir;

  private static final long PID = ProcessHandle.current().pid();

  @Test
  void aSecondLockerInTheSameProcessIsRefusedNamingTheHolder() {
    Path out = dir.resolve("z.csv");
    List<String> warnings = new ArrayList<>();
    try (OutputLock first = OutputLock.acquire(out, warnings::add)) {
      assertEquals(dir.resolve("z.csv.lock"), first.file());
      InputException e =
          assertThrows(InputException.class, () -> OutputLock.acquire(out, warnings::add));
      assertEquals(
          out
              + " is being written by process "
              + PID
              + " (lock file "
              + first.file()
              + "); wait for it to finish or stop it",
          e.getMessage());
      assertTrue(Files.exists(first.file()), "the refused locker leaves the holder's lock");
    }
    assertFalse(Files.exists(dir.resolve("z.csv.lock")), "a released lock leaves no file");
    try (OutputLock again = OutputLock.acquire(out, warnings::add)) {
      assertTrue(Files.exists(again.file()));
    }
    assertEquals(List.of(), warnings);
  }

  @Test
  void aLockHeldByAChildProcessIsRefusedAndTakenOverWhenTheChildDies() throws Exception {
    Path out = dir.resolve("run");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                HoldLockInChild.class.getName(),
                out.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("locked", lines.readLine());
      InputException e = assertThrows(InputException.class, () -> OutputLock.acquire(out, w -> {}));
      assertTrue(
          e.getMessage().startsWith(out + " is being written by process " + child.pid() + " "),
          e.getMessage());
      assertEquals(
          child.pid() + "\n", Files.readString(OutputLock.lockFile(out)), "the refusal kept it");
    } finally {
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }
    assertTrue(Files.exists(OutputLock.lockFile(out)), "a killed holder leaves its lock file");
    List<String> warnings = new ArrayList<>();
    try (OutputLock lock = OutputLock.acquire(out, warnings::add)) {
      assertEquals(PID + "\n", Files.readString(lock.file()));
    }
    assertEquals(
        List.of(
            "taking over the lock of "
                + out
                + " from process "
                + child.pid()
                + ", which is no longer running"),
        warnings);
  }

  @Test
  void aStaleLockFileWithADeadPidIsTakenOverWithAWarning() throws Exception {
    Path out = dir.resolve("selection.csv");
    long dead = deadPid();
    Files.writeString(OutputLock.lockFile(out), dead + "\n");
    List<String> warnings = new ArrayList<>();
    try (OutputLock lock = OutputLock.acquire(out, warnings::add)) {
      assertEquals(PID + "\n", Files.readString(lock.file()), "the file now names this process");
    }
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).contains("from process " + dead + ", which is no longer running"));
  }

  /** The pid of a process that has exited. */
  private static long deadPid() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    assertEquals(0, gone.waitFor());
    assertFalse(ProcessHandle.of(gone.pid()).map(ProcessHandle::isAlive).orElse(false));
    return gone.pid();
  }
}
