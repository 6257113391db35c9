package io.latentquery.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs {@code lq} in-process and captures its exit code, stdout and stderr. */
public final class CliRunner {
  /** What one run printed and returned. */
  public record Result(int exitCode, String out, String err) {
    /** Non-blank lines of stderr that are not log lines. */
    public java.util.List<String> errorLines() {
      return err.lines()
          .filter(l -> !l.isBlank())
          .filter(l -> !l.matches("^\\d\\d:\\d\\d:\\d\\d .*"))
          .toList();
    }
  }

  private CliRunner() {}

  public static synchronized Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ByteArrayOutputStream systemOut = new ByteArrayOutputStream();
    ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    int code;
    try {
      System.setOut(new PrintStream(systemOut, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
      CommandLine commandLine = Main.commandLine();
      commandLine.setOut(new PrintWriter(out, true));
      commandLine.setErr(new PrintWriter(err, true));
      code = commandLine.execute(args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    return new Result(
        code,
        out + systemOut.toString(StandardCharsets.UTF_8),
        err + systemErr.toString(StandardCharsets.UTF_8));
  }
}
