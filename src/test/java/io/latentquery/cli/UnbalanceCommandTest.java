package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.TestData;
import io.latentquery.data.DataCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class UnbalanceCommandTest {
  @TempDir Path dir;

  @BeforeAll
  static void useTestData() {
    System.setProperty(DataCatalog.DATA_DIR_PROPERTY, TestData.dataDir().toString());
  }

  private static int run(StringWriter err, String... args) {
    CommandLine commandLine = Main.commandLine();
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void aShiftBeyondTheSmallestOddClassIsAUsageError() {
    StringWriter err = new StringWriter();
    int code =
        run(
            err,
            "data",
            "unbalance",
            "--data",
            "mnist",
            "--out",
            dir.resolve("u").toString(),
            "--shift",
            "5000");
    assertEquals(2, code);
    assertTrue(
        err.toString().startsWith("lq: usage error: shift 5000 would leave odd class 5"),
        err.toString());
    assertTrue(Files.notExists(dir.resolve("u")));
  }

  @Test
  void anExistingFolderIsKeptWithoutForce() throws Exception {
    Path out = Files.createDirectory(dir.resolve("u"));
    StringWriter err = new StringWriter();
    int code = run(err, "data", "unbalance", "--data", "mnist", "--out", out.toString());
    assertEquals(1, code);
    assertEquals("lq: " + out + " exists; use --force to replace it", err.toString().strip());
  }
}
