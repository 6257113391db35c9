package io.latentquery.sampling.propagate;

import java.util.Arrays;
import java.util.List;

/**
 * The labels a person gave: pool positions and their class indices into {@code classNames}.
 *
 * @param indices pool positions, distinct
 * @param classes the class index of each, in [0, classNames.size())
 * @param classNames the classes, at least one
 */
public record KnownLabels(int[] indices, int[] classes, List<String> classNames) {
  public KnownLabels {
    if (indices.length != classes.length) {
      throw new IllegalArgumentException(indices.length + " labeled points for " + classes.length);
    }
    if (indices.length == 0) {
      throw new IllegalArgumentException("label spreading needs at least one labeled point");
    }
    if (classNames.isEmpty()) {
      throw new IllegalArgumentException("label spreading needs at least one class");
    }
    if (Arrays.stream(indices).distinct().count() != indices.length) {
      throw new IllegalArgumentException("a point is labeled twice");
    }
    for (int c : classes) {
      if (c < 0 || c >= classNames.size()) {
        throw new IllegalArgumentException(
            "class " + c + " is not one of " + classNames.size() + " classes");
      }
    }
    indices = indices.clone();
    classes = classes.clone();
    classNames = List.copyOf(classNames);
  }

  public int size() {
    return indices.length;
  }

  public int classCount() {
    return classNames.size();
  }

  @Override
  public int[] indices() {
    return indices.clone();
  }

  @Override
  public int[] classes() {
    return classes.clone();
  }

  /** The class of every point, -1 where unlabeled; refuses positions outside the pool. */
  public int[] classOfPoint(int poolSize) {
    int[] classOf = new int[poolSize];
    Arrays.fill(classOf, -1);
    for (int i = 0; i < indices.length; i++) {
      if (indices[i] < 0 || indices[i] >= poolSize) {
        throw new IllegalArgumentException(
            "labeled index " + indices[i] + " is outside the pool of " + poolSize);
      }
      classOf[indices[i]] = classes[i];
    }
    return classOf;
  }
}
