package io.latentquery.spark;

import io.latentquery.data.DataRequest;
import io.latentquery.data.Split;
import io.latentquery.inference.ReconstructionError;
import io.latentquery.inference.SavedModelEncoder;
import io.latentquery.inference.SignatureSpec;
import io.latentquery.spark.EncodeSource.DatasetSplit;
import java.nio.file.Path;

/**
 * What {@code lq spark encode} encodes: a dataset split as {@code lq encode} opens it, or a Parquet
 * table of image bytes, with an encoder SavedModel and optionally an autoencoder whose
 * reconstruction errors go in column {@code error_<measure>}. The messages name the command-line
 * flags.
 *
 * @param source the images: a dataset split or a Parquet image table
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
    EncodeSource source,
    Path encoder,
    SignatureSpec signature,
    Path autoencoder,
    ReconstructionError errorMeasure,
    int batchSize,
    int threads,
    int partitions,
    String out) {

  public SparkEncodeSettings {
    if (source == null) {
      throw new IllegalArgumentException("give the images: --data or --images");
    }
    if (encoder == null) {
      throw new IllegalArgumentException("--model is required");
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
    signature = signature == null ? SignatureSpec.encoder() : signature;
    errorMeasure = errorMeasure == null ? ReconstructionError.DEFAULT : errorMeasure;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Names each field, so that none is passed in another's place. */
  public static final class Builder {
    private EncodeSource source;
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
      this.source = new DatasetSplit(dataDir, data, split, limit);
      return this;
    }

    public Builder images(ImageTable table) {
      this.source = table;
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
          source,
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
