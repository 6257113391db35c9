package io.latentquery.sampling.cluster;

/**
 * How mini-batch k-means runs.
 *
 * @param clusters k, at least 1
 * @param starts k-means++ starts; the one with the lowest inertia on a seeded sample is refined
 * @param batchSize points per batch (capped at the pool size)
 * @param maxBatches batches at most; the run stops earlier when the smoothed batch inertia has not
 *     improved for {@link MiniBatchKMeans#PATIENCE} batches in a row
 */
public record MiniBatchSettings(int clusters, int starts, int batchSize, int maxBatches) {
  public static final int DEFAULT_BATCH_SIZE = 4096;
  public static final int DEFAULT_MAX_BATCHES = 300;

  public MiniBatchSettings {
    if (clusters < 1) {
      throw new IllegalArgumentException("k-means clusters must be >= 1, got " + clusters);
    }
    if (starts < 1) {
      throw new IllegalArgumentException("k-means starts must be >= 1, got " + starts);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("mini-batch size must be >= 1, got " + batchSize);
    }
    if (maxBatches < 1) {
      throw new IllegalArgumentException("mini-batch count must be >= 1, got " + maxBatches);
    }
  }

  /** k clusters and {@code starts} starts, batches of 4096 points, at most 300 batches. */
  public static MiniBatchSettings of(int clusters, int starts) {
    return new MiniBatchSettings(clusters, starts, DEFAULT_BATCH_SIZE, DEFAULT_MAX_BATCHES);
  }
}
