package io.latentquery.data;

import io.latentquery.InputException;
import io.latentquery.SettingException;

/**
 * A dataset's training file (split into pool and validation by position) and its optional test
 * file. Example ids stay those of the source files, so pool index 0 and validation index 0 name
 * different examples.
 */
public final class SplitDataset {
  private final String name;
  private final Dataset train;
  private final Dataset test;
  private final int poolSize;
  private final int validationSize;

  /**
   * @param test the test examples, or null when the dataset has none
   * @param poolSize the first poolSize training examples are the pool
   * @param validationSize the next validationSize are validation
   */
  public SplitDataset(String name, Dataset train, Dataset test, int poolSize, int validationSize) {
    if (poolSize < 1 || validationSize < 0) {
      throw new IllegalArgumentException(
          "pool size must be >= 1 and validation size >= 0, got "
              + poolSize
              + " and "
              + validationSize);
    }
    if ((long) poolSize + validationSize > train.size()) {
      throw new SettingException(
          "poolSize",
          "pool",
          poolSize
              + " + validation "
              + validationSize
              + " exceed the "
              + train.size()
              + " training examples of "
              + name);
    }
    if (test != null && !test.shape().equals(train.shape())) {
      throw new InputException(
          name + ": test images are " + test.shape() + " but training images are " + train.shape());
    }
    this.name = name;
    this.train = train;
    this.test = test;
    this.poolSize = poolSize;
    this.validationSize = validationSize;
  }

  public String name() {
    return name;
  }

  public ImageShape shape() {
    return train.shape();
  }

  public Dataset split(Split split) {
    return switch (split) {
      case POOL -> train.slice(name + "/pool", 0, poolSize);
      case VALIDATION -> train.slice(name + "/validation", poolSize, poolSize + validationSize);
      case ALL -> train;
      case TEST -> {
        if (test == null) {
          throw new InputException("dataset " + name + " has no test split");
        }
        yield test;
      }
    };
  }

  public boolean hasTest() {
    return test != null;
  }

  public int poolSize() {
    return poolSize;
  }

  public int validationSize() {
    return validationSize;
  }
}
