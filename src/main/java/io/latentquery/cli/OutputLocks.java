package io.latentquery.cli;

import io.latentquery.files.OutputLock;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** Claims a command's output for the command's run, with takeover warnings on stderr. */
final class OutputLocks {
  private OutputLocks() {}

  /** Locks {@code output}; see {@link OutputLock#acquire}. */
  static OutputLock claim(CommandSpec spec, Path output) {
    return OutputLock.acquire(
        output, warning -> spec.commandLine().getErr().println("lq: warning: " + warning));
  }
}
