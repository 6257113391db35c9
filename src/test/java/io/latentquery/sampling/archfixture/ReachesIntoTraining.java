package io.latentquery.sampling.archfixture;

import io.latentquery.train.RunFolder;
import java.nio.file.Path;

/**
 * A sampling class that breaks the architecture rule on purpose: it reaches into training. Only
 * {@code SamplingDependenciesTest} imports it, to show that the rule catches such a class.
 */
public final class ReachesIntoTraining {
  private ReachesIntoTraining() {}

  public static Path runFolder(Path path) {
    return new RunFolder(path).path();
  }
}
