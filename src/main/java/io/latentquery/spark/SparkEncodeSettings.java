package io.latentquery.spark;

import io.latentquery.data.DataRequest;
import io.latentquery.data.Split;
import io.latentquery.inference.ReconstructionError;
import io.latentquery.inference.SavedModelEncoder;
import io.latentquery.inference.SignatureSpec;
import java.nio.file.Path;

/**
 * What {@code lq spark encode} encodes: a dataset split as {@code lq encode} opens it (an IDX
 * dataset or an image folder under the data folder, which every executor must see at the same
 * path), an encoder SavedModel and optionally an autoencoder whose reconstruction errors go in
 * column {@code error_<measure>}. The messages name the command-line flags.
 *
 * @param dataDir the data folder every executor reads
 * @param data the dataset and how it is split
 * @param split the split to encode
 * @param limit the first examples of the split only, or null for all
 * @param encoder the encoder SavedModel folder, at the same path on every executor
 * @param signature how the encoder is called (ModelGuard's trust included)
 * @param autoencoder an autoencoder SavedModel folder, or null
 * @param errorMeasure how its errors are measured (null: the default)
 * @param batchSize examples per batch through a model
 * @param threads TensorFlow intra-op threads per executor task, 0 to let TensorFlow choose
 * @param partitions how many tasks share the examples; 0 for Spark's default parallelism
 * @param out where the Parquet encodings go (a folder, or a URI Spark writes)
 */
public record SparkEncodeSettings(
    Path dataDir,
    DataRequest data,
    Split split,
    Integer limit,
    Path encoder,
    SignatureSpec signature,
    Path autoencoder,
    ReconstructionError errorMeasure,
    int batchSize,
    int threads,
    int partitions,
    String out) {

  public SparkEncodeSettings {
    if (data == null) {
      throw new IllegalArgumentException("--data is required");
    }
    if (encoder == null) {
      throw new IllegalArgumentException("--model is required");
    }
    if (limit != null && limit < 1) {
      throw new IllegalArgumentException("--limit must be >= 1, got " + limit);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("--batch-size must be >= 1, got " + batchSize);
    }
    if (threads < 0) {
      throw new IllegalArgumentException("--threads must be >= 0, got " + threads);
    }
    if (partitions < 0) {
      throw new IllegalArgumentException("--partitions must be >= 0, got " + partitions);
    }
    if (out == null || out.isBlank()) {
      throw new IllegalArgumentException("--out is required");
    }
    split = split == null ? Split.POOL : split;
    signature = signature == null ? SignatureSpec.encoder() : signature;
    errorMeasure = errorMeasure == null ? ReconstructionError.DEFAULT : errorMeasure;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Names each field, so that none is passed in another's place. */
  public static final class Builder {
    private Path dataDir;
    private DataRequest data;
    private Split split;
    private Integer limit;
    private Path encoder;
    private SignatureSpec signature;
    private Path autoencoder;
    private ReconstructionError errorMeasure;
    private int batchSize = SavedModelEncoder.DEFAULT_BATCH_SIZE;
    private int threads;
    private int partitions;
    private String out;

    private Builder() {}

    public Builder data(Path dataDir, DataRequest data, Split split, Integer limit) {
      this.dataDir = dataDir;
      this.data = data;
      this.split = split;
      this.limit = limit;
      return this;
    }

    public Builder encoder(Path encoder, SignatureSpec signature) {
      this.encoder = encoder;
      this.signature = signature;
      return this;
    }

    public Builder autoencoder(Path autoencoder, ReconstructionError measure) {
      this.autoencoder = autoencoder;
      this.errorMeasure = measure;
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

    public Builder partitions(int partitions) {
      this.partitions = partitions;
      return this;
    }

    public Builder out(String out) {
      this.out = out;
      return this;
    }

    public SparkEncodeSettings build() {
      return new SparkEncodeSettings(
          dataDir,
          data,
          split,
          limit,
          encoder,
          signature,
          autoencoder,
          errorMeasure,
          batchSize,
          threads,
          partitions,
          out);
    }
  }
}
