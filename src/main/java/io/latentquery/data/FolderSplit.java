package io.latentquery.data;

import java.util.Locale;

/**
 * How one image folder is split by fraction: {@code --validation-split}, {@code --test-split} and
 * {@code --split-seed}. The split is stratified by class when the folder has class sub-folders.
 *
 * @param validation fraction of each class (or of all images) taken for validation
 * @param test fraction taken for test
 * @param seed seed of the shuffle that picks them
 */
public record FolderSplit(double validation, double test, long seed) {
  public FolderSplit {
    if (!(validation >= 0 && validation < 1)) {
      throw new IllegalArgumentException(
          "--validation-split must be >= 0 and < 1, got " + validation);
    }
    if (!(test >= 0 && test < 1)) {
      throw new IllegalArgumentException("--test-split must be >= 0 and < 1, got " + test);
    }
    if (validation + test >= 1) {
      throw new IllegalArgumentException(
          "--validation-split + --test-split must leave a pool, got " + validation + " + " + test);
    }
  }

  /** The options that make this split, as a user types them. */
  public String flags() {
    return String.format(
        Locale.ROOT,
        "--validation-split %s --test-split %s --split-seed %d",
        validation,
        test,
        seed);
  }
}
