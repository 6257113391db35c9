package io.latentquery.cli;

import io.latentquery.contract.SavedModelContract;
import io.latentquery.inference.EncodingModels;
import io.latentquery.inference.SavedModelEncoder;
import io.latentquery.inference.SignatureSpec;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
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

  @Mixin ModelTrustOptions trust;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /** The signature to call, trusted when {@code --trust-model} was given. */
  SignatureSpec spec() {
    return trust.apply(SignatureSpec.encoder().with(signature, inputName, outputName));
  }

  /** The encoder at {@code encoder} (null when the encodings come from a file), run as asked. */
  EncodingModels.Builder models(Path encoder) {
    return EncodingModels.builder().encoder(encoder, spec()).batchSize(batchSize).threads(threads);
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
