package io.latentquery.report;

import java.util.List;

/**
 * Known classes of the pool points, or none. A label of -1 marks a point whose class is unknown.
 *
 * @param labels class index per pool point, or null when the pool is unlabeled
 * @param names class names by class index (labels beyond it are shown as their number)
 */
public record ClassLabels(int[] labels, List<String> names) {
  public static final ClassLabels NONE = new ClassLabels(null, List.of());

  public ClassLabels {
    labels = labels == null ? null : labels.clone();
    names = List.copyOf(names);
    if (labels != null) {
      for (int label : labels) {
        if (label < -1) {
          throw new IllegalArgumentException("class labels must be >= -1, got " + label);
        }
      }
    }
  }

  public boolean known() {
    return labels != null;
  }

  /** Label of point {@code i}, -1 when unknown. */
  public int label(int i) {
    return labels == null ? -1 : labels[i];
  }

  /** The display name of class {@code label}. */
  public String name(int label) {
    if (label < 0) {
      return "unknown";
    }
    return label < names.size() ? names.get(label) : Integer.toString(label);
  }

  /** Number of classes: the names, or one past the largest label when names are missing. */
  public int classCount() {
    int count = names.size();
    if (labels != null) {
      for (int label : labels) {
        count = Math.max(count, label + 1);
      }
    }
    return count;
  }

  /** Checks that there is one label per point. */
  void requireSize(int points) {
    if (labels != null && labels.length != points) {
      throw new IllegalArgumentException(labels.length + " labels for " + points + " points");
    }
  }

  @Override
  public int[] labels() {
    return labels == null ? null : labels.clone();
  }
}
