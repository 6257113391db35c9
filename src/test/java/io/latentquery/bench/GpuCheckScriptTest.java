package io.latentquery.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/gpu-check on a machine without a GPU: exit 1 at once with one line that says why. */
class GpuCheckScriptTest {
  @TempDir Path bin;

  private record Run(int exit, String stdout, String stderr) {}

  /** Runs the script with PATH = {@code bin}, which holds dirname and whatever a test adds. */
  private Run run() throws IOException, InterruptedException {
    Path dirname = Path.of("/usr/bin/dirname");
    if (!Files.exists(dirname)) {
      dirname = Path.of("/bin/dirname");
    }
    Files.createSymbolicLink(bin.resolve("dirname"), dirname);
    Path script = Path.of("scripts/gpu-check").toAbsolutePath();
    ProcessBuilder builder = new ProcessBuilder("/bin/bash", script.toString());
    builder.environment().put("PATH", bin.toString());
    Path out = bin.resolve("stdout.txt");
    Path err = bin.resolve("stderr.txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the script exits at once");
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void withoutNvidiaSmiItFailsWithOneLine() throws Exception {
    Run run = run();
    assertEquals(1, run.exit());
    assertEquals("", run.stdout());
    assertEquals(
        "gpu-check: no NVIDIA GPU found (nvidia-smi not found); this script needs one\n",
        run.stderr());
  }

  @Test
  void whenNvidiaSmiFailsItFailsWithOneLine() throws Exception {
    Path smi = bin.resolve("nvidia-smi");
    Files.writeString(smi, "#!/bin/sh\necho 'NVIDIA-SMI has failed' >&2\nexit 9\n");
    Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
    Run run = run();
    assertEquals(1, run.exit());
    assertEquals("", run.stdout());
    assertEquals(
        "gpu-check: no NVIDIA GPU found (nvidia-smi failed); this script needs one\n",
        run.stderr());
  }
}
