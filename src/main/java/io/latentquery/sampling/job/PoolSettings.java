package io.latentquery.sampling.job;

import io.latentquery.data.DataCatalog;
import io.latentquery.data.DataRequest;
import io.latentquery.data.Dataset;
import io.latentquery.data.Split;
import io.latentquery.inference.EncodingModels;
import java.nio.file.Path;

/**
 * Where a pool's encodings come from: an encodings file ({@code latent}) or an encoder SavedModel
 * run over a data split, and optionally an autoencoder SavedModel whose reconstruction errors some
 * strategies rank by. The messages name the command-line flags, which carry the same names.
 *
 * @param latent encodings written by {@code lq encode}, or null
 * @param models the encoder (null with {@code latent}), the autoencoder and how they run
 * @param data the dataset, needed with an encoder or an autoencoder, else null
 * @param split the split of {@code data} to select from
 * @param limit the first examples of the split only, or null for all
 */
public record PoolSettings(
    Path latent, EncodingModels models, DataRequest data, Split split, Integer limit) {

  public PoolSettings {
    models = models == null ? EncodingModels.none() : models;
    if ((models.encoder() == null) == (latent == null)) {
      throw new IllegalArgumentException("give either --encoder (with --data) or --latent");
    }
    if (models.encoder() != null && data == null) {
      throw new IllegalArgumentException("--encoder needs --data");
    }
    if (latent != null && data != null && models.autoencoder() == null) {
      throw new IllegalArgumentException(
          "--data is read only with --encoder or --autoencoder, not with --latent alone");
    }
    if (models.autoencoder() != null && data == null) {
      throw new IllegalArgumentException("--autoencoder needs --data");
    }
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
    private EncodingModels models;
    private DataRequest data;
    private Split split;
    private Integer limit;

    private Builder() {}

    public Builder latent(Path latent) {
      this.latent = latent;
      return this;
    }

    public Builder models(EncodingModels models) {
      this.models = models;
      return this;
    }

    public Builder data(DataRequest data, Split split, Integer limit) {
      this.data = data;
      this.split = split;
      this.limit = limit;
      return this;
    }

    public PoolSettings build() {
      return new PoolSettings(latent, models, data, split, limit);
    }
  }
}
