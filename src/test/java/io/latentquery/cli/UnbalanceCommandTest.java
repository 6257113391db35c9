package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.UsesTestData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@ExtendWith(UsesTestData.class)
class UnbalanceCommandTest {
  @TempDir Path dir;

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
        err.toString().startsWith("lq: usage error: --shift 5000 would leave odd class 5"),
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
