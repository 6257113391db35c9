package io.latentquery.sampling.job;

import io.latentquery.data.DataCatalog;
import io.latentquery.data.DataRequest;
import io.latentquery.data.Dataset;
import io.latentquery.data.Split;
import io.latentquery.inference.ReconstructionError;
import io.latentquery.inference.SavedModelEncoder;
import io.latentquery.inference.SignatureSpec;
import java.nio.file.Path;

/**
 * Where a pool's encodings come from: an encodings file ({@code latent}) or an encoder SavedModel
 * run over a data split, and optionally an autoencoder SavedModel whose reconstruction errors some
 * strategies rank by. The messages name the command-line flags, which carry the same names.
 *
 * @param latent encodings written by {@code lq encode}, or null
 * @param encoder an encoder SavedModel folder, or null
 * @param signature how the encoder is called
 * @param autoencoder an autoencoder SavedModel folder, or null
 * @param errorMeasure how the autoencoder's reconstruction errors are measured; null means {@link
 *     ReconstructionError#DEFAULT}
 * @param data the dataset, needed with an encoder or an autoencoder, else null
 * @param split the split of {@code data} to select from
 * @param limit the first examples of the split only, or null for all
 * @param batchSize examples per batch through a model
 * @param threads TensorFlow intra-op threads, 0 to let TensorFlow choose
 */
public record PoolSettings(
    Path latent,
    Path encoder,
    SignatureSpec signature,
    Path autoencoder,
    ReconstructionError errorMeasure,
    DataRequest data,
    Split split,
    Integer limit,
    int batchSize,
    int threads) {

  public PoolSettings {
    if ((encoder == null) == (latent == null)) {
      throw new IllegalArgumentException("give either --encoder (with --data) or --latent");
    }
    if (encoder != null && data == null) {
      throw new IllegalArgumentException("--encoder needs --data");
    }
    if (latent != null && data != null && autoencoder == null) {
      throw new IllegalArgumentException(
          "--data is read only with --encoder or --autoencoder, not with --latent alone");
    }
    if (autoencoder != null && data == null) {
      throw new IllegalArgumentException("--autoencoder needs --data");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("--batch-size must be >= 1, got " + batchSize);
    }
    if (threads < 0) {
      throw new IllegalArgumentException("--threads must be >= 0, got " + threads);
    }
    signature = signature == null ? SignatureSpec.encoder() : signature;
    errorMeasure = errorMeasure == null ? ReconstructionError.DEFAULT : errorMeasure;
    split = split == null ? Split.POOL : split;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The examples to encode or reconstruct, opened through {@code catalog}; null without data. */
  public Dataset open(DataCatalog catalog) {
    if (data == null) {
      return null;
    }
    Dataset dataset = catalog.open(data).split(split);
    return limit == null ? dataset : dataset.limit(limit);
  }

  /** Names each field, so that none is passed in another's place. */
  public static final class Builder {
    private Path latent;
    private Path encoder;
    private SignatureSpec signature;
    private Path autoencoder;
    private ReconstructionError errorMeasure;
    private DataRequest data;
    private Split split;
    private Integer limit;
    private int batchSize = SavedModelEncoder.DEFAULT_BATCH_SIZE;
    private int threads;

    private Builder() {}

    public Builder latent(Path latent) {
      this.latent = latent;
      return this;
    }

    public Builder encoder(Path encoder, SignatureSpec signature) {
      this.encoder = encoder;
      this.signature = signature;
      return this;
    }

    /** The autoencoder whose errors are measured by {@link ReconstructionError#DEFAULT}. */
    public Builder autoencoder(Path autoencoder) {
      return autoencoder(autoencoder, ReconstructionError.DEFAULT);
    }

    /** The autoencoder and how its reconstruction errors are measured. */
    public Builder autoencoder(Path autoencoder, ReconstructionError errorMeasure) {
      this.autoencoder = autoencoder;
      this.errorMeasure = errorMeasure;
      return this;
    }

    public Builder data(DataRequest data, Split split, Integer limit) {
      this.data = data;
      this.split = split;
      this.limit = limit;
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

    public PoolSettings build() {
      return new PoolSettings(
          latent,
          encoder,
          signature,
          autoencoder,
          errorMeasure,
          data,
          split,
          limit,
          batchSize,
          threads);
    }
  }
}
