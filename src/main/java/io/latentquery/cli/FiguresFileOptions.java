package io.latentquery.cli;

import io.latentquery.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** A benchmark's {@code --out FILE} for its figures as JSON, and {@code --force} to replace it. */
final class FiguresFileOptions {
  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Also write the figures, the settings and provenance to this JSON file.")
  Path out;

  @Option(names = "--force", description = "Replace an existing --out file.")
  boolean force;

  /** Refuses, before any work, an existing --out file that --force does not allow to replace. */
  void checkFree() {
    if (out != null && Files.exists(out) && !force) {
      throw new InputException(out + " exists; use --force to replace it");
    }
  }
}
