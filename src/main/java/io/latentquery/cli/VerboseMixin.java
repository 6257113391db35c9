package io.latentquery.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine.Option;

/** {@code --verbose}: debug logging and stack traces on failure (see {@link ErrorHandler}). */
public final class VerboseMixin {
  @Option(
      names = {"-v", "--verbose"},
      description = "Log debug detail and print stack traces on failure.")
  void setVerbose(boolean verbose) {
    if (verbose) {
      Configurator.setRootLevel(Level.DEBUG);
    }
  }
}
