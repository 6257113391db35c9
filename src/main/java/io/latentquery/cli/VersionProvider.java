package io.latentquery.cli;

import io.latentquery.provenance.Versions;
import picocli.CommandLine.IVersionProvider;

/** Prints the tool, TensorFlow and Java versions for {@code lq --version}. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return Versions.current().entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .toArray(String[]::new);
  }
}
