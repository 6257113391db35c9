package io.latentquery.sampling.baseline;

import java.util.Locale;

/** Where greedy k-center starts when nothing is labeled yet. */
public enum KCenterStart {
  /** The pool point nearest the mean of Z: deterministic, no seed involved. */
  MEAN,
  /** A seeded uniformly random pool point: the default, so that seeds give different selections. */
  RANDOM;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static KCenterStart parse(String text) {
    for (KCenterStart start : values()) {
      if (start.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return start;
      }
    }
    throw new IllegalArgumentException(
        "--kcenter-start must be mean or random, got '" + text + "'");
  }
}
