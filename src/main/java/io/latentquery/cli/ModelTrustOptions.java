package io.latentquery.cli;

import io.latentquery.inference.SignatureSpec;
import picocli.CommandLine.Option;

/**
 * {@code --trust-model}, on every command that runs a SavedModel the user hands it. Without it a
 * SavedModel whose graph holds ops beyond pure arithmetic (reading or writing files, for one) is
 * refused before anything in it runs.
 */
public final class ModelTrustOptions {
  @Option(
      names = "--trust-model",
      description =
          "Run SavedModels whose graphs hold ops beyond pure arithmetic, such as reading or"
              + " writing files. Give it only for models from a source you trust.")
  boolean trust;

  /** {@code spec}, trusted when {@code --trust-model} was given. */
  SignatureSpec apply(SignatureSpec spec) {
    return spec.trusted(trust);
  }
}
