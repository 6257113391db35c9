package io.latentquery.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs {@code lq} in-process and captures its exit code, stdout and stderr. Commands print through
 * their {@link CommandLine}'s streams, so nothing swaps {@code System.out}; TensorFlow's and the
 * logger's lines still go to the process's own stderr.
 */
public final class CliRunner {
  /** What one run printed and returned. */
  public record Result(int exitCode, String out, String err) {
    /** Non-blank lines of stderr that are not log lines. */
    public List<String> errorLines() {
      return err.lines()
          .filter(l -> !l.isBlank())
          .filter(l -> !l.matches("^\\d\\d:\\d\\d:\\d\\d .*"))
          .toList();
    }
  }

  private CliRunner() {}

  public static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
