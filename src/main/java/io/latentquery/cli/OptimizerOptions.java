package io.latentquery.cli;

import java.util.Map;
import picocli.CommandLine.Option;

/** The batch size and Adam step sizes of the commands that train an autoencoder. */
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

  @Option(
      names = "--learning-rate-from",
      split = ",",
      paramLabel = "EPOCH=RATE",
      description =
          "From epoch EPOCH on, Adam's step size is RATE (a step schedule, e.g. 41=3e-4,61=1e-4; "
              + "default: --learning-rate throughout). A resumed run may change the rates of the "
              + "epochs it has not trained yet.")
  Map<Integer, Double> learningRateFrom;

  /** The step-size changes given, or an empty map. */
  Map<Integer, Double> learningRateChanges() {
    return learningRateFrom == null ? Map.of() : learningRateFrom;
  }
}
