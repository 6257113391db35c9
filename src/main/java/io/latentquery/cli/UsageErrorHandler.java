package io.latentquery.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** A bad command line: one line naming the problem, a pointer to --help, exit code 2. */
final class UsageErrorHandler implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    commandLine.getErr().println("lq: usage error: " + e.getMessage());
    commandLine
        .getErr()
        .println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
    return ErrorHandler.USAGE_ERROR;
  }
}
