package io.latentquery.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many pool and selected examples each class has: shows at a glance whether a selection covers
 * the classes in proportion, over-samples rare ones, or misses some.
 *
 * @param classes class names in display order
 * @param pool pool examples per class
 * @param selected selected examples per class
 */
public record ClassHistogram(List<String> classes, long[] pool, long[] selected) {
  public ClassHistogram {
    classes = List.copyOf(classes);
    if (pool.length != classes.size() || selected.length != classes.size()) {
      throw new IllegalArgumentException("one pool and one selected count per class are needed");
    }
    pool = pool.clone();
    selected = selected.clone();
  }

  /**
   * Counts from pool labels and the selected pool indices; unknown labels (-1) get a class {@code
   * unknown} when present.
   */
  public static ClassHistogram of(ClassLabels classes, int[] selectedIndices) {
    if (!classes.known()) {
      throw new IllegalArgumentException("a class histogram needs pool labels");
    }
    int n = classes.classCount();
    int[] labels = classes.labels();
    long[] pool = new long[n + 1];
    long[] selected = new long[n + 1];
    for (int label : labels) {
      pool[label < 0 ? n : label]++;
    }
    for (int index : selectedIndices) {
      if (index < 0 || index >= labels.length) {
        throw new IllegalArgumentException(
            "selected index " + index + " is outside the pool of " + labels.length);
      }
      int label = labels[index];
      selected[label < 0 ? n : label]++;
    }
    List<String> names = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      names.add(classes.name(c));
    }
    if (pool[n] == 0) {
      return new ClassHistogram(
          names, java.util.Arrays.copyOf(pool, n), java.util.Arrays.copyOf(selected, n));
    }
    names.add("unknown");
    return new ClassHistogram(names, pool, selected);
  }

  /**
   * Counts from the pool's class counts by name and the selection's (as in selection.json); classes
   * are in the pool's order, then classes only the selection has.
   */
  public static ClassHistogram of(Map<String, Long> poolCounts, Map<String, Long> selectedCounts) {
    Map<String, long[]> merged = new LinkedHashMap<>();
    poolCounts.forEach((name, count) -> merged.computeIfAbsent(name, k -> new long[2])[0] = count);
    selectedCounts.forEach(
        (name, count) -> merged.computeIfAbsent(name, k -> new long[2])[1] = count);
    List<String> names = new ArrayList<>(merged.keySet());
    long[] pool = new long[names.size()];
    long[] selected = new long[names.size()];
    for (int i = 0; i < names.size(); i++) {
      pool[i] = merged.get(names.get(i))[0];
      selected[i] = merged.get(names.get(i))[1];
    }
    return new ClassHistogram(names, pool, selected);
  }

  public long poolTotal() {
    return java.util.Arrays.stream(pool).sum();
  }

  public long selectedTotal() {
    return java.util.Arrays.stream(selected).sum();
  }

  @Override
  public long[] pool() {
    return pool.clone();
  }

  @Override
  public long[] selected() {
    return selected.clone();
  }
}
