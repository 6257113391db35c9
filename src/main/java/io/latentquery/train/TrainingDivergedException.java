package io.latentquery.train;

import io.latentquery.InputException;

/**
 * The loss became NaN or infinite. The message names where, which checkpoint was kept and what to
 * try; the CLI prints it as one line.
 */
public final class TrainingDivergedException extends InputException {
  private static final long serialVersionUID = 1L;

  public TrainingDivergedException(String message) {
    super(message);
  }
}
