package io.latentquery.train;

/**
 * What a checkpoint holds besides the variables: how far training got.
 *
 * @param epoch the last completed epoch (1-based)
 * @param steps optimizer steps taken so far
 */
public record CheckpointState(int epoch, long steps) {
  public CheckpointState {
    if (epoch < 0 || steps < 0) {
      throw new IllegalArgumentException(
          "epoch and steps must be >= 0, got " + epoch + ", " + steps);
    }
  }
}
