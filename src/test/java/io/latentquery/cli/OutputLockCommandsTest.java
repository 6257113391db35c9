package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.UsesTestData;
import io.latentquery.files.OutputLock;
import io.latentquery.inference.TinySavedModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A second writer of a run folder or an output file is refused while the first holds it. */
@ExtendWith(UsesTestData.class)
class OutputLockCommandsTest {
  private static final long PID = ProcessHandle.current().pid();

  @TempDir Path dir;

  private static String heldLine(Path output) {
    return "lq: "
        + output
        + " is being written by process "
        + PID
        + " (lock file "
        + OutputLock.lockFile(output)
        + "); wait for it to finish or stop it";
  }

  @Test
  void trainRefusesARunFolderAnotherWriterHolds() {
    Path run = dir.resolve("models/busy");
    CliRun refused;
    try (OutputLock holder = OutputLock.acquire(run, w -> {})) {
      refused =
          CliRun.of(
              "train",
              "--data",
              "mnist",
              "--limit",
              "64",
              "--epochs",
              "1",
              "--run",
              run.toString(),
              "--no-export",
              "--force");
    }
    assertEquals(1, refused.code(), refused.err());
    assertEquals(heldLine(run), refused.errorLine());
    assertFalse(Files.exists(run), "the refused run wrote nothing");
  }

  @Test
  void encodeRefusesAnOutputAnotherWriterHoldsAndRunsOnceItIsFree() throws IOException {
    Path model =
        TinySavedModels.linearEncoder(
            dir.resolve("encoder"), 28, 28, 1, TinySavedModels.matrix(784, 2));
    Path out = dir.resolve("z.csv");
    String[] encode = {
      "encode",
      "--model",
      model.toString(),
      "--data",
      "mnist",
      "--limit",
      "10",
      "--out",
      out.toString()
    };
    CliRun refused;
    try (OutputLock holder = OutputLock.acquire(out, w -> {})) {
      refused = CliRun.of(encode);
    }
    assertEquals(1, refused.code(), refused.err());
    assertEquals(heldLine(out), refused.errorLine());
    assertFalse(Files.exists(out));
    CliRun free = CliRun.of(encode);
    assertEquals(0, free.code(), free.err());
    assertEquals(11, Files.readAllLines(out).size());
    assertFalse(Files.exists(OutputLock.lockFile(out)), "the lock is gone after the run");
  }

  @Test
  void aStaleLockIsTakenOverWithAWarningOnStderr() throws Exception {
    Path model =
        TinySavedModels.linearEncoder(
            dir.resolve("encoder"), 28, 28, 1, TinySavedModels.matrix(784, 2));
    Path out = dir.resolve("z.csv");
    Process gone = new ProcessBuilder("true").start();
    assertEquals(0, gone.waitFor());
    Files.writeString(OutputLock.lockFile(out), gone.pid() + "\n");
    CliRun run =
        CliRun.of(
            "encode",
            "--model",
            model.toString(),
            "--data",
            "mnist",
            "--limit",
            "10",
            "--out",
            out.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(
        run.err()
            .contains(
                "lq: warning: taking over the lock of "
                    + out
                    + " from process "
                    + gone.pid()
                    + ", which is no longer running"),
        run.err());
  }
}
