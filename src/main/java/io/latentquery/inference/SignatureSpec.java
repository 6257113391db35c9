package io.latentquery.inference;

import io.latentquery.contract.SavedModelContract;

/**
 * Which signature of a SavedModel to call and which of its input and output names to use. The
 * defaults come from {@link SavedModelContract}; other names let the sampler read SavedModels
 * exported by other tools.
 *
 * @param key the signature key, e.g. {@code serving_default}
 * @param input the name of the signature's one input
 * @param output the name of the signature's output to read
 * @param trusted whether to run the model without {@link ModelGuard}'s check of its ops (the user's
 *     {@code --trust-model})
 */
public record SignatureSpec(String key, String input, String output, boolean trusted) {
  public SignatureSpec {
    requireName("signature key", key);
    requireName("input name", input);
    requireName("output name", output);
  }

  /** A spec whose model is checked by {@link ModelGuard} before it runs. */
  public SignatureSpec(String key, String input, String output) {
    this(key, input, output, false);
  }

  /** image -> latent. */
  public static SignatureSpec encoder() {
    return new SignatureSpec(
        SavedModelContract.SIGNATURE, SavedModelContract.IMAGE, SavedModelContract.LATENT);
  }

  /** latent -> image. */
  public static SignatureSpec decoder() {
    return new SignatureSpec(
        SavedModelContract.SIGNATURE, SavedModelContract.LATENT, SavedModelContract.IMAGE);
  }

  /** image -> reconstruction (the error output is read beside it when present). */
  public static SignatureSpec autoencoder() {
    return new SignatureSpec(
        SavedModelContract.SIGNATURE, SavedModelContract.IMAGE, SavedModelContract.RECONSTRUCTION);
  }

  /** This spec with the non-null overrides applied (command-line options). */
  public SignatureSpec with(String newKey, String newInput, String newOutput) {
    return new SignatureSpec(
        newKey == null ? key : newKey,
        newInput == null ? input : newInput,
        newOutput == null ? output : newOutput,
        trusted);
  }

  /** This spec, run unchecked when {@code trust} is true ({@code --trust-model}). */
  public SignatureSpec trusted(boolean trust) {
    return new SignatureSpec(key, input, output, trust);
  }

  private static void requireName(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty, got '" + value + "'");
    }
  }
}
