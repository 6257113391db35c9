package io.latentquery.data;

import io.latentquery.SettingException;
import java.util.Locale;

/**
 * The parts of a dataset, as in the method's report: the pool (autoencoder training and sampling),
 * validation, and test. {@code all} is every training-file example.
 */
public enum Split {
  POOL,
  VALIDATION,
  TEST,
  ALL;

  public static Split parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SettingException(
          "split", "must be pool, validation, test or all, got '" + text + "'");
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
