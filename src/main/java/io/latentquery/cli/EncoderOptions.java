package io.latentquery.cli;

import io.latentquery.contract.SavedModelContract;
import io.latentquery.inference.SavedModelEncoder;
import io.latentquery.inference.SignatureSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How an encoder SavedModel is called: signature and tensor names, batch size, threads. */
public final class EncoderOptions {
  @Option(
      names = "--signature",
      paramLabel = "KEY",
      description = "Signature key (default: " + SavedModelContract.SIGNATURE + ").")
  String signature;

  @Option(
      names = "--input-name",
      paramLabel = "NAME",
      description =
          "The signature's float image input [-1,H,W,C] (default: "
              + SavedModelContract.IMAGE
              + ").")
  String inputName;

  @Option(
      names = "--output-name",
      paramLabel = "NAME",
      description =
          "The signature's float output [-1,L] (default: " + SavedModelContract.LATENT + ").")
  String outputName;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      description = "Examples per batch through the model (default: ${DEFAULT-VALUE}).")
  int batchSize = SavedModelEncoder.DEFAULT_BATCH_SIZE;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "TensorFlow intra-op threads; 0 lets TensorFlow choose (default: ${DEFAULT-VALUE}).")
  int threads = 0;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  SignatureSpec spec() {
    return SignatureSpec.encoder().with(signature, inputName, outputName);
  }

  void validate() {
    if (batchSize < 1) {
      throw OptionErrors.usage(command, "--batch-size must be >= 1, got " + batchSize);
    }
    if (threads < 0) {
      throw OptionErrors.usage(command, "--threads must be >= 0, got " + threads);
    }
  }
}
