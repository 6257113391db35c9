package io.latentquery.inference;

import java.nio.file.Path;

/**
 * The SavedModels that turn a pool's images into encodings and how they run: an encoder and how it
 * is called, optionally an autoencoder whose reconstruction errors are measured, the batch size and
 * TensorFlow's intra-op threads. {@code lq sample}, the experiment grid and {@code lq spark encode}
 * share it. The messages name the command-line flags.
 *
 * @param encoder an encoder SavedModel folder, or null where the encodings are read from a file
 * @param signature how the encoder is called (ModelGuard's trust included)
 * @param autoencoder an autoencoder SavedModel folder, or null
 * @param errorMeasure how the autoencoder's reconstruction errors are measured; null means {@link
 *     ReconstructionError#DEFAULT}
 * @param batchSize examples per batch through a model
 * @param threads TensorFlow intra-op threads, 0 to let TensorFlow choose
 */
public record EncodingModels(
    Path encoder,
    SignatureSpec signature,
    Path autoencoder,
    ReconstructionError errorMeasure,
    int batchSize,
    int threads) {

  public EncodingModels {
    if (batchSize < 1) {
      throw new IllegalArgumentException("--batch-size must be >= 1, got " + batchSize);
    }
    if (threads < 0) {
      throw new IllegalArgumentException("--threads must be >= 0, got " + threads);
    }
    signature = signature == null ? SignatureSpec.encoder() : signature;
    errorMeasure = errorMeasure == null ? ReconstructionError.DEFAULT : errorMeasure;
  }

  /**
   * The label of the error measure the autoencoder applies, or null without an autoencoder (then no
   * reconstruction error is measured).
   */
  public String appliedErrorMeasure() {
    return autoencoder == null ? null : errorMeasure.label();
  }

  /** No models: the encodings come from a file. */
  public static EncodingModels none() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Names each field, so that none is passed in another's place. */
  public static final class Builder {
    private Path encoder;
    private SignatureSpec signature;
    private Path autoencoder;
    private ReconstructionError errorMeasure;
    private int batchSize = SavedModelEncoder.DEFAULT_BATCH_SIZE;
    private int threads;

    private Builder() {}

    public Builder encoder(Path encoder, SignatureSpec signature) {
      this.encoder = encoder;
      this.signature = signature;
      return this;
    }

    /** The autoencoder whose errors are measured by {@link ReconstructionError#DEFAULT}. */
    public Builder autoencoder(Path autoencoder) {
      return autoencoder(autoencoder, ReconstructionError.DEFAULT);
    }

    /** The autoencoder and how its reconstruction errors are measured (null: the default). */
    public Builder autoencoder(Path autoencoder, ReconstructionError errorMeasure) {
      this.autoencoder = autoencoder;
      this.errorMeasure = errorMeasure;
      return this;
    }

    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    public EncodingModels build() {
      return new EncodingModels(encoder, signature, autoencoder, errorMeasure, batchSize, threads);
    }
  }
}
