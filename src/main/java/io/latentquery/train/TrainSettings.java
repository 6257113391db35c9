package io.latentquery.train;

import io.latentquery.InputException;
import io.latentquery.SettingException;
import io.latentquery.data.DataRequest;
import io.latentquery.model.AutoencoderConfig;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

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
 * @param learningRate Adam's step size from the first epoch
 * @param learningRateFrom changes of the step size: from epoch key (2 or later) on, the step size
 *     is the value, until the next key; empty for a constant step size
 * @param threads TensorFlow intra-op threads (training runs one inter-op thread)
 */
public record TrainSettings(
    AutoencoderConfig model,
    DataRequest data,
    Integer limit,
    int epochs,
    int batchSize,
    long seed,
    double learningRate,
    SortedMap<Integer, Double> learningRateFrom,
    int threads) {

  public TrainSettings {
    if (model == null || data == null) {
      throw new IllegalArgumentException("model and data are required");
    }
    if (limit != null && limit < 1) {
      throw new SettingException("limit", "must be >= 1, got " + limit);
    }
    if (epochs < 1) {
      throw new SettingException("epochs", "must be >= 1, got " + epochs);
    }
    if (batchSize < 1) {
      throw new SettingException("batchSize", "must be >= 1, got " + batchSize);
    }
    if (model.tsne() != null) {
      model.tsne().checkBatchSize(batchSize);
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new SettingException("learningRate", "must be a positive number, got " + learningRate);
    }
    learningRateFrom =
        Collections.unmodifiableSortedMap(
            new TreeMap<>(learningRateFrom == null ? Map.of() : learningRateFrom));
    learningRateFrom.forEach(TrainSettings::checkRateChange);
    if (threads < 1) {
      throw new SettingException("threads", "must be >= 1, got " + threads);
    }
  }

  private static void checkRateChange(Integer epoch, Double rate) {
    if (epoch == null || epoch < 2) {
      throw new SettingException(
          "learningRateFrom",
          "a learning-rate change",
          "must start at epoch 2 or later (epoch 1 uses the initial rate), got epoch " + epoch);
    }
    if (rate == null || !(rate > 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException(
          "the learning rate from epoch " + epoch + " must be a positive number, got " + rate);
    }
  }

  /** Adam's step size during {@code epoch} (1-based). */
  public double learningRate(int epoch) {
    SortedMap<Integer, Double> started = learningRateFrom.headMap(epoch + 1);
    return started.isEmpty() ? learningRate : started.get(started.lastKey());
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
        .learningRateFrom(learningRateFrom)
        .threads(threads);
  }

  /**
   * Whether {@code other} may continue a run with these settings after {@code completedEpochs}:
   * everything must match but the epochs, the threads and the learning rates of the epochs still to
   * come, so the continued run is the run these settings would train from scratch.
   */
  boolean sameRunAs(TrainSettings other, int completedEpochs) {
    for (int epoch = 1; epoch <= completedEpochs; epoch++) {
      if (learningRate(epoch) != other.learningRate(epoch)) {
        return false;
      }
    }
    return withoutRunLength().equals(other.withoutRunLength());
  }

  /**
   * These stored settings as a resume asks to continue them: {@code epochs} and {@code threads}
   * when not null, and {@code rateChanges} laid over the stored schedule. Nothing else changes;
   * whether the result may continue the run (no trained epoch's rate may change) is {@link
   * #sameRunAs}'s call, made against the last checkpoint.
   */
  public TrainSettings resumedWith(
      Integer epochs, Integer threads, Map<Integer, Double> rateChanges) {
    Builder builder = toBuilder();
    if (epochs != null) {
      builder.epochs(epochs);
    }
    if (threads != null) {
      builder.threads(threads);
    }
    SortedMap<Integer, Double> rates = new TreeMap<>(learningRateFrom);
    rates.putAll(rateChanges);
    return builder.learningRateFrom(rates).build();
  }

  /**
   * Refuses to resume this run on other data: a resumed run reads the data it was trained on, and
   * data options given anyway must name the same.
   *
   * @throws InputException when {@code requested} differs from {@link #data()}
   */
  public void checkResumeData(DataRequest requested) {
    if (!data.equals(requested)) {
      throw new InputException(
          "the run was trained on " + data + "; pass the same data options to resume it, or none");
    }
  }

  private TrainSettings withoutRunLength() {
    return toBuilder().epochs(1).threads(1).learningRate(1).learningRateFrom(Map.of()).build();
  }

  /**
   * Builds {@link TrainSettings}; defaults: 10 epochs, batch 64, seed 0, a constant rate of 1e-3,
   * all cores.
   */
  public static final class Builder {
    private AutoencoderConfig model;
    private final DataRequest data;
    private Integer limit;
    private int epochs = 10;
    private int batchSize = 64;
    private long seed;
    private double learningRate = 1e-3;
    private SortedMap<Integer, Double> learningRateFrom = new TreeMap<>();
    private int threads = Runtime.getRuntime().availableProcessors();

    private Builder(AutoencoderConfig model, DataRequest data) {
      this.model = model;
      this.data = data;
    }

    public Builder model(AutoencoderConfig model) {
      this.model = model;
      return this;
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

    /** Step sizes from given epochs on; see {@link TrainSettings#learningRateFrom()}. */
    public Builder learningRateFrom(Map<Integer, Double> learningRateFrom) {
      this.learningRateFrom = new TreeMap<>(learningRateFrom);
      return this;
    }

    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    public TrainSettings build() {
      return new TrainSettings(
          model, data, limit, epochs, batchSize, seed, learningRate, learningRateFrom, threads);
    }
  }
}
