package io.latentquery.data;

import java.util.List;

/**
 * The split of one image folder by fraction, stored as the folder's {@code dataset.json} so that
 * every later command sees the same pool, validation and test images even when called without the
 * split options. Ids are paths relative to the folder, in folder order within each part.
 *
 * @param format always {@link #FORMAT}; tells this file from an IDX dataset manifest
 * @param split the fractions and seed that made it
 * @param stratified whether each class was split on its own (the folder has class sub-folders)
 * @param pool ids of the pool images
 * @param validation ids of the validation images
 * @param test ids of the test images
 */
public record FolderSplitRecord(
    String format,
    FolderSplit split,
    boolean stratified,
    List<String> pool,
    List<String> validation,
    List<String> test) {
  public static final String FORMAT = "image-folder-split";

  public FolderSplitRecord {
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException("format must be " + FORMAT + ", got " + format);
    }
    if (split == null) {
      throw new IllegalArgumentException("split is required");
    }
    pool = List.copyOf(pool);
    validation = validation == null ? List.of() : List.copyOf(validation);
    test = test == null ? List.of() : List.copyOf(test);
    if (pool.isEmpty()) {
      throw new IllegalArgumentException("a split needs at least one pool image");
    }
  }
}
