package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {
  @TempDir Path dir;

  @Test
  void unknownDatasetIsAUsageError() {
    CliRunner.Result result = CliRunner.run("data", "fetch", "cifar");
    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("unknown built-in dataset 'cifar'"), result.err());
  }

  @Test
  void missingJarExitsOneWithOneLineAndNoStackTrace() {
    Path missing = dir.resolve("missing.jar");
    CliRunner.Result result = CliRunner.run("data", "fetch", "mnist", "--jar", missing.toString());
    assertEquals(1, result.exitCode());
    assertEquals(java.util.List.of("lq: missing file: " + missing), result.errorLines());
    assertFalse(result.err().contains("\tat "), "no stack trace without --verbose");
  }

  @Test
  void verboseAddsTheStackTrace() {
    Path missing = dir.resolve("missing.jar");
    CliRunner.Result result =
        CliRunner.run("data", "fetch", "mnist", "--jar", missing.toString(), "--verbose");
    assertEquals(1, result.exitCode());
    assertTrue(result.err().contains("\tat "), result.err());
  }

  @Test
  void helpListsTheCommands() {
    CliRunner.Result result = CliRunner.run("--help");
    assertEquals(0, result.exitCode());
    assertTrue(result.out().contains("data"), result.out());
  }
}
