package io.latentquery.eval;

import io.latentquery.SettingException;

/**
 * How the evaluation classifier is trained: a fixed number of update steps whatever the number of
 * labeled examples (the method's 50 epochs of 1,000 and 500 epochs of 100 examples are both about
 * 800 steps at batch 64), so that budgets are compared at equal training effort.
 *
 * @param architecture network shape
 * @param steps update steps
 * @param batchSize examples per step (fewer when fewer are labeled)
 * @param learningRate Adam's learning rate
 * @param seed seed of the initial weights and the batch order
 * @param threads TensorFlow intra-op threads
 */
public record ClassifierSettings(
    ClassifierArchitecture architecture,
    int steps,
    int batchSize,
    float learningRate,
    long seed,
    int threads) {
  public static final int DEFAULT_STEPS = 800;
  public static final int DEFAULT_BATCH = 64;
  public static final float DEFAULT_LEARNING_RATE = 1e-3f;

  public ClassifierSettings {
    if (architecture == null) {
      throw new IllegalArgumentException("architecture is required");
    }
    if (steps < 1) {
      throw new SettingException("steps", "must be >= 1, got " + steps);
    }
    if (batchSize < 1) {
      throw new SettingException("batchSize", "must be >= 1, got " + batchSize);
    }
    if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
      throw new SettingException("learningRate", "must be > 0, got " + learningRate);
    }
    if (threads < 1) {
      throw new SettingException("threads", "must be >= 1, got " + threads);
    }
  }

  /** The small classifier, 800 Adam steps of 64 at 0.001. */
  public static ClassifierSettings defaults(long seed) {
    return new ClassifierSettings(
        ClassifierArchitecture.small(),
        DEFAULT_STEPS,
        DEFAULT_BATCH,
        DEFAULT_LEARNING_RATE,
        seed,
        2);
  }

  public ClassifierSettings withArchitecture(ClassifierArchitecture value) {
    return new ClassifierSettings(value, steps, batchSize, learningRate, seed, threads);
  }

  public ClassifierSettings withSteps(int value) {
    return new ClassifierSettings(architecture, value, batchSize, learningRate, seed, threads);
  }

  public ClassifierSettings withSeed(long value) {
    return new ClassifierSettings(architecture, steps, batchSize, learningRate, value, threads);
  }

  public ClassifierSettings withThreads(int value) {
    return new ClassifierSettings(architecture, steps, batchSize, learningRate, seed, value);
  }
}
