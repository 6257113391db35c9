package io.latentquery.report;

/**
 * Pool points drawn larger and outlined on top of the pool (a selection, the hard examples),
 * optionally coloured by a group per point (the cluster that produced each query).
 *
 * @param name legend and title name, e.g. {@code selected}
 * @param indices pool indices of the highlighted points
 * @param groups group per highlighted point (-1: none), or an empty array when ungrouped
 * @param groupName what a group is, e.g. {@code cluster}
 */
public record Highlight(String name, int[] indices, int[] groups, String groupName) {
  public Highlight {
    if (groups.length != 0 && groups.length != indices.length) {
      throw new IllegalArgumentException(
          groups.length + " groups for " + indices.length + " highlighted points");
    }
    indices = indices.clone();
    groups = groups.clone();
  }

  /** Points without groups. */
  public static Highlight of(String name, int[] indices) {
    return new Highlight(name, indices, new int[0], "group");
  }

  /** True when at least one point has a group. */
  public boolean grouped() {
    for (int g : groups) {
      if (g >= 0) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int[] indices() {
    return indices.clone();
  }

  @Override
  public int[] groups() {
    return groups.clone();
  }
}
