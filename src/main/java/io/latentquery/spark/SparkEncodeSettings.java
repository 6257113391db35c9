package io.latentquery.spark;

import io.latentquery.data.DataRequest;
import io.latentquery.data.Split;
import io.latentquery.inference.EncodingModels;
import io.latentquery.spark.EncodeSource.DatasetSplit;
import java.nio.file.Path;

/**
 * What {@code lq spark encode} encodes: a dataset split as {@code lq encode} opens it, or a Parquet
 * table of image bytes, with an encoder SavedModel and optionally an autoencoder whose
 * reconstruction errors go in column {@code error_<measure>}. The messages name the command-line
 * flags.
 *
 * @param source the images: a dataset split or a Parquet image table
 * @param models the encoder and the autoencoder, at the same paths on every executor, and how they
 *     run (threads per executor task)
 * @param partitions how many tasks share the examples; 0 for Spark's default parallelism
 * @param out where the Parquet encodings go (a folder, or a URI Spark writes)
 */
public record SparkEncodeSettings(
    EncodeSource source, EncodingModels models, int partitions, String out) {

  public SparkEncodeSettings {
    if (source == null) {
      throw new IllegalArgumentException("give the images: --data or --images");
    }
    if (models == null || models.encoder() == null) {
      throw new IllegalArgumentException("--model is required");
    }
    if (partitions < 0) {
      throw new IllegalArgumentException("--partitions must be >= 0, got " + partitions);
    }
    if (out == null || out.isBlank()) {
      throw new IllegalArgumentException("--out is required");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Names each field, so that none is passed in another's place. */
  public static final class Builder {
    private EncodeSource source;
    private EncodingModels models;
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

    public Builder models(EncodingModels models) {
      this.models = models;
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
      return new SparkEncodeSettings(source, models, partitions, out);
    }
  }
}
