package io.latentquery.data;

import io.latentquery.InputException;
import java.util.List;

/**
 * The class of each example of a dataset, or none: what a dataset answers to {@link
 * Dataset#hasLabels}, {@link Dataset#label} and {@link Dataset#classNames}.
 *
 * @param dataset the dataset's name, for the error when it has no labels
 * @param labels class index per example, or null when unlabeled
 * @param classNames names by class index (empty when unlabeled)
 */
record ExampleLabels(String dataset, int[] labels, List<String> classNames) {
  ExampleLabels {
    classNames = List.copyOf(classNames);
  }

  boolean present() {
    return labels != null;
  }

  /** The class of example {@code index}; refuses a dataset without labels. */
  int of(int index) {
    if (labels == null) {
      throw new InputException("dataset " + dataset + " has no labels");
    }
    return labels[index];
  }
}
