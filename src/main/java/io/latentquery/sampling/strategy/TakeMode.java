package io.latentquery.sampling.strategy;

import java.util.Locale;

/** What a draw z takes: the nearest unselected point within the threshold, or all of them. */
public enum TakeMode {
  /** The method's own rule: the one nearest unselected point within t of z. */
  NEAREST,
  /** Every unselected point within t of z, nearest first, up to the remaining budget. */
  ALL_WITHIN;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static TakeMode parse(String text) {
    for (TakeMode mode : values()) {
      if (mode.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return mode;
      }
    }
    throw new IllegalArgumentException("--take must be nearest or all-within, got '" + text + "'");
  }
}
