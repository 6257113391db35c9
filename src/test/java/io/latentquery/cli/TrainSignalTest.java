package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentquery.TestData;
import io.latentquery.UsesTestData;
import io.latentquery.data.DataCatalog;
import io.latentquery.files.Json;
import io.latentquery.files.OutputLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM and Ctrl-C (SIGINT) stop {@code lq train} in a child JVM at a step boundary: it exits 143
 * or 130 with one line saying how to resume, keeps the last complete checkpoint, and {@code
 * --resume} continues from it.
 */
@ExtendWith(UsesTestData.class)
class TrainSignalTest {
  @TempDir Path dir;

  @Test
  void sigtermExits143WithTheResumeLineAndResumeContinues() throws Exception {
    stopsAndResumes("TERM", 143);
  }

  @Test
  void ctrlCExits130WithTheResumeLine() throws Exception {
    stopsAndResumes("INT", 130);
  }

  private void stopsAndResumes(String signal, int expectedCode) throws Exception {
    Path run = dir.resolve("models/signalled");
    Path err = dir.resolve("err.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-D" + DataCatalog.DATA_DIR_PROPERTY + "=" + TestData.dataDir()));
    String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
    if (cache != null) {
      command.add("-Dorg.bytedeco.javacpp.cachedir=" + cache);
    }
    command.addAll(
        List.of(
            Main.class.getName(),
            "train",
            "--data",
            "mnist",
            "--limit",
            "64",
            "--filters",
            "4,4",
            "--dense",
            "8",
            "--batch-size",
            "8",
            "--epochs",
            "100000",
            "--threads",
            "1",
            "--no-export",
            "--run",
            run.toString()));
    Process child =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(err.toFile())
            .start();
    Path state = run.resolve("checkpoint/state.json");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.exists(state) && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(Files.exists(state), "an epoch completed: " + Files.readString(err));
    new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).start().waitFor();
    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child stopped");
    String stderr = Files.readString(err);
    assertEquals(expectedCode, child.exitValue(), stderr);

    int kept = Json.readTree(state).get("epoch").asInt();
    assertTrue(kept >= 1);
    List<String> lqLines = stderr.lines().filter(l -> l.startsWith("lq:")).toList();
    assertEquals(
        List.of(
            "lq: stopped by SIG"
                + signal
                + " during epoch "
                + (kept + 1)
                + "; the checkpoint of epoch "
                + kept
                + " is kept; resume with: lq train --run "
                + run
                + " --resume"),
        lqLines,
        stderr);
    assertEquals(kept + 1, Files.readAllLines(run.resolve("metrics.csv")).size());
    assertTrue(!Files.exists(OutputLock.lockFile(run)), "the stopped run released its lock");

    CliRun resumed =
        CliRun.of(
            "train",
            "--run",
            run.toString(),
            "--no-export",
            "--resume",
            "--epochs",
            Integer.toString(kept + 1));
    assertEquals(0, resumed.code(), resumed.err());
    JsonNode after = Json.readTree(state);
    assertEquals(kept + 1, after.get("epoch").asInt(), "resume trained the next epoch");
    assertEquals(kept + 2, Files.readAllLines(run.resolve("metrics.csv")).size());
  }
}
