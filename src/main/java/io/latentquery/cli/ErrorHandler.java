package io.latentquery.cli;

import io.latentquery.InputException;
import io.latentquery.SettingException;
import java.io.UncheckedIOException;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure during a command's run into one line on stderr and an exit code: 1, or 2 for a
 * {@link SettingException} about a setting that one of the command's flags set (the flag is named,
 * see {@link OptionErrors}). Any other {@link IllegalArgumentException} thrown mid-run is a runtime
 * failure: usage errors are {@link picocli.CommandLine.ParameterException}s, which {@link
 * UsageErrorHandler} prints. The stack trace is printed only with {@code --verbose}.
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
    if (e instanceof SettingException setting) {
      Optional<String> flag = OptionErrors.flag(commandLine.getCommandSpec(), setting.setting());
      if (flag.isPresent()) {
        return UsageErrorHandler.print(commandLine, setting.messageFor(flag.get()));
      }
    }
    commandLine.getErr().println("lq: " + describe(e));
    return RUNTIME_FAILURE;
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    String type = e.getClass().getSimpleName();
    if (message == null) {
      return type;
    }
    boolean saysItAll =
        e instanceof InputException
            || e instanceof UncheckedIOException
            || e instanceof IllegalArgumentException;
    return firstLine(saysItAll ? message : type + ": " + message);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    String[] lines = message.strip().split("[\\r\\n\\u2028\\u2029\\u0085]", 2);
    // Values quoted from a damaged file may hold control characters; show them as '?'.
    return lines[0].replaceAll("\\p{Cntrl}", "?");
  }
}
