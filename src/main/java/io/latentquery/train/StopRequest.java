package io.latentquery.train;

/**
 * A request, from another thread, that training stop at the next step boundary. The trainer checks
 * it before every step, so a stop abandons at most the epoch in progress and keeps the last
 * complete checkpoint.
 */
public final class StopRequest {
  /** Never asks to stop. */
  public static final StopRequest NONE = new StopRequest();

  private volatile String reason;

  /** Asks training to stop; {@code reason} names why, e.g. {@code SIGTERM}. */
  public void request(String why) {
    this.reason = why;
  }

  public boolean requested() {
    return reason != null;
  }

  /** Why the stop was asked for, or null when it was not. */
  public String reason() {
    return reason;
  }
}
