package io.latentquery.train;

/**
 * Training stopped at a step boundary because a {@link StopRequest} asked it to. The run folder
 * holds the checkpoint of {@link #lastEpoch()}, from which {@code --resume} continues.
 */
public final class TrainingStoppedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int lastEpoch;

  public TrainingStoppedException(String reason, int epoch, int lastEpoch) {
    super("stopped by " + reason + " during epoch " + epoch);
    this.lastEpoch = lastEpoch;
  }

  /** The last complete epoch, whose checkpoint the run keeps (0: none). */
  public int lastEpoch() {
    return lastEpoch;
  }
}
