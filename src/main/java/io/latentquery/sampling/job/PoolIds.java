package io.latentquery.sampling.job;

import io.latentquery.inference.Encodings;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where ids sit in a pool, as a {@code --labeled} file needs them: a pool held in memory answers
 * from its encodings, a pool on a cluster with one pass.
 */
public interface PoolIds {
  /** The first pool position of each id of {@code ids} that the pool holds. */
  Map<String, Integer> positions(Collection<String> ids);

  /** The pool's own classes, sorted; empty when the pool has no labels. */
  List<String> classes();

  /** The ids of {@code encodings}. */
  static PoolIds of(Encodings encodings) {
    return new PoolIds() {
      @Override
      public Map<String, Integer> positions(Collection<String> ids) {
        Set<String> wanted = new HashSet<>(ids);
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < encodings.count(); i++) {
          if (wanted.contains(encodings.id(i))) {
            out.putIfAbsent(encodings.id(i), i);
          }
        }
        return out;
      }

      @Override
      public List<String> classes() {
        if (!encodings.hasLabels()) {
          return List.of();
        }
        return List.copyOf(
            new TreeSet<>(encodings.labels().stream().filter(Objects::nonNull).toList()));
      }
    };
  }
}
