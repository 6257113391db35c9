package io.latentquery.train;

import io.latentquery.data.DataRequest;
import io.latentquery.model.AutoencoderConfig;

/**
 * Everything that decides a training run's result, as written to settings.json (defaults included).
 * The thread count changes speed, not the model (with one thread results are exact).
 *
 * @param model the architecture
 * @param data the dataset and split sizes
 * @param limit use only the first {@code limit} pool (and validation) examples, or null for all
 * @param epochs passes over the pool
 * @param batchSize images per step
 * @param seed seeds the initial weights, the shuffling and every per-step random draw
 * @param learningRate Adam's step size
 * @param threads TensorFlow intra- and inter-op threads
 */
public record TrainSettings(
    AutoencoderConfig model,
    DataRequest data,
    Integer limit,
    int epochs,
    int batchSize,
    long seed,
    double learningRate,
    int threads) {

  public TrainSettings {
    if (model == null || data == null) {
      throw new IllegalArgumentException("model and data are required");
    }
    if (limit != null && limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    }
    if (model.tsne() != null) {
      model.tsne().checkBatchSize(batchSize);
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException(
          "learningRate must be a positive number, got " + learningRate);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
  }

  public static Builder builder(AutoencoderConfig model, DataRequest data) {
    return new Builder(model, data);
  }

  public Builder toBuilder() {
    return new Builder(model, data)
        .limit(limit)
        .epochs(epochs)
        .batchSize(batchSize)
        .seed(seed)
        .learningRate(learningRate)
        .threads(threads);
  }

  /**
   * The settings that must match for {@code --resume} to continue a run: all but epochs and
   * threads.
   */
  boolean sameRunAs(TrainSettings other) {
    return toBuilder()
        .epochs(1)
        .threads(1)
        .build()
        .equals(other.toBuilder().epochs(1).threads(1).build());
  }

  /** Builds {@link TrainSettings}; defaults: 10 epochs, batch 64, seed 0, rate 1e-3, all cores. */
  public static final class Builder {
    private final AutoencoderConfig model;
    private final DataRequest data;
    private Integer limit;
    private int epochs = 10;
    private int batchSize = 64;
    private long seed;
    private double learningRate = 1e-3;
    private int threads = Runtime.getRuntime().availableProcessors();

    private Builder(AutoencoderConfig model, DataRequest data) {
      this.model = model;
      this.data = data;
    }

    public Builder limit(Integer limit) {
      this.limit = limit;
      return this;
    }

    public Builder epochs(int epochs) {
      this.epochs = epochs;
      return this;
    }

    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder learningRate(double learningRate) {
      this.learningRate = learningRate;
      return this;
    }

    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    public TrainSettings build() {
      return new TrainSettings(model, data, limit, epochs, batchSize, seed, learningRate, threads);
    }
  }
}
