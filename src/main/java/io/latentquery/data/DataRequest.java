package io.latentquery.data;

import io.latentquery.SettingException;

/**
 * Which dataset to open and how to split it.
 *
 * @param dataset a built-in name or a path
 * @param poolSize pool size, or null for the dataset's default (50,000 for the built-ins, all
 *     examples for a path)
 * @param validationSize validation size, or null for the default (10,000 for the built-ins, 0 for a
 *     path; for a path, validation is taken from the end)
 * @param folderOptions how image folders are read
 */
public record DataRequest(
    String dataset, Integer poolSize, Integer validationSize, ImageFolderOptions folderOptions) {
  public DataRequest {
    if (dataset == null || dataset.isBlank()) {
      throw new IllegalArgumentException("a dataset name or path is required");
    }
    if (poolSize != null && poolSize < 1) {
      throw new SettingException("poolSize", "pool size", "must be >= 1, got " + poolSize);
    }
    if (validationSize != null && validationSize < 0) {
      throw new SettingException(
          "validationSize", "validation size", "must be >= 0, got " + validationSize);
    }
    if (folderOptions == null) {
      folderOptions = ImageFolderOptions.grayscale();
    }
  }

  public static DataRequest of(String dataset) {
    return new DataRequest(dataset, null, null, null);
  }
}
