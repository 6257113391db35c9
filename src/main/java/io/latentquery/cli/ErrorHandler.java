package io.latentquery.cli;

import io.latentquery.InputException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into one line on stderr and an exit code: 2 for an impossible parameter ({@link
 * IllegalArgumentException} from a settings record), 1 for anything else. The stack trace is
 * printed only with {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  static final int RUNTIME_FAILURE = 1;
  static final int USAGE_ERROR = 2;

  @Override
  public int handleExecutionException(
      Exception e, CommandLine commandLine, ParseResult parseResult) {
    boolean verbose =
        parseResult.originalArgs().contains("--verbose")
            || parseResult.originalArgs().contains("-v");
    if (verbose) {
      e.printStackTrace(commandLine.getErr());
    }
    if (e instanceof IllegalArgumentException) {
      commandLine.getErr().println("lq: usage error: " + e.getMessage());
      commandLine
          .getErr()
          .println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
      return USAGE_ERROR;
    }
    commandLine.getErr().println("lq: " + describe(e));
    return RUNTIME_FAILURE;
  }

  static String describe(Throwable e) {
    if (e instanceof InputException || e instanceof UncheckedIOException) {
      return firstLine(e.getMessage());
    }
    String message = e.getMessage();
    String type = e.getClass().getSimpleName();
    return message == null ? type : firstLine(type + ": " + message);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
