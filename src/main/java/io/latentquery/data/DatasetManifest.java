package io.latentquery.data;

import java.util.List;

/**
 * Describes a dataset stored as IDX files in one folder, and how its training file is split. The
 * built-in datasets are manifests; {@code lq data unbalance} writes one as {@code dataset.json} so
 * that the other commands read the result by its folder.
 *
 * @param name dataset name
 * @param trainImages training images file, relative to the folder
 * @param trainLabels training labels file, or null
 * @param testImages test images file, or null
 * @param testLabels test labels file, or null
 * @param poolSize the first poolSize training examples form the pool
 * @param validationSize the next validationSize form validation
 * @param classNames names by class index
 */
public record DatasetManifest(
    String name,
    String trainImages,
    String trainLabels,
    String testImages,
    String testLabels,
    int poolSize,
    int validationSize,
    List<String> classNames) {

  public static final String FILE_NAME = "dataset.json";

  public DatasetManifest {
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be >= 1, got " + poolSize);
    }
    if (validationSize < 0) {
      throw new IllegalArgumentException("validationSize must be >= 0, got " + validationSize);
    }
    classNames = classNames == null ? List.of() : List.copyOf(classNames);
  }
}
