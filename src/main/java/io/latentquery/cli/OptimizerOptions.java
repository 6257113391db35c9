package io.latentquery.cli;

import picocli.CommandLine.Option;

/** The batch size and Adam step size of the commands that train an autoencoder. */
public final class OptimizerOptions {
  @Option(
      names = "--batch-size",
      defaultValue = "64",
      paramLabel = "B",
      description = "Images per step (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--learning-rate",
      defaultValue = "1e-3",
      paramLabel = "RATE",
      description = "Adam step size (default: ${DEFAULT-VALUE}).")
  double learningRate;
}
