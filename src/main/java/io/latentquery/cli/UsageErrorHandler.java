package io.latentquery.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * A bad command line, found by picocli or by a command while it checks its options: one line naming
 * the problem, a pointer to --help, exit code 2.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    return print(e.getCommandLine(), e.getMessage());
  }

  /** Prints the usage error {@code message} of {@code commandLine}'s command; returns 2. */
  static int print(CommandLine commandLine, String message) {
    commandLine.getErr().println("lq: usage error: " + message);
    commandLine
        .getErr()
        .println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
    return ErrorHandler.USAGE_ERROR;
  }
}
