package io.latentquery.data;

import io.latentquery.SettingException;

/**
 * How {@link Unbalancer} makes a pool unbalanced: every even class gains {@code shift} pool
 * examples (new images made from random pool images of that class by a random rotation and
 * translation) and every odd class loses {@code shift} (random ones removed).
 *
 * @param seed seed of every random choice (same seed, same bytes)
 * @param shift examples added to each even class and removed from each odd class
 * @param maxTranslation largest shift of a new image, in pixels along each axis
 * @param maxRotationDegrees largest rotation of a new image, in degrees either way
 */
public record UnbalanceSettings(
    long seed, int shift, double maxTranslation, double maxRotationDegrees) {
  public static final int DEFAULT_SHIFT = 2000;
  public static final double DEFAULT_MAX_TRANSLATION = 2.0;
  public static final double DEFAULT_MAX_ROTATION = 10.0;

  public UnbalanceSettings {
    if (shift < 0) {
      throw new SettingException("shift", "must be >= 0, got " + shift);
    }
    if (!(maxTranslation >= 0 && maxTranslation <= 8)) {
      throw new SettingException(
          "maxTranslation", "must be in [0, 8] pixels, got " + maxTranslation);
    }
    if (!(maxRotationDegrees >= 0 && maxRotationDegrees <= 45)) {
      throw new SettingException(
          "maxRotationDegrees", "must be in [0, 45], got " + maxRotationDegrees);
    }
  }

  /** The method's setting: {@code shift} examples, up to +-2 pixels and +-10 degrees. */
  public static UnbalanceSettings of(long seed, int shift) {
    return new UnbalanceSettings(seed, shift, DEFAULT_MAX_TRANSLATION, DEFAULT_MAX_ROTATION);
  }
}
