package io.latentquery.eval;

import java.util.List;
import java.util.Locale;

/**
 * The evaluation classifier's shape, of the encoder's design: per level {@code convsPerLevel} 3x3
 * ReLU convolutions with that level's filter count and a 2x2 max-pool, then ReLU dense layers, then
 * linear logits over the classes (softmax in the loss).
 *
 * @param name preset name, for reports
 * @param filters filters per level
 * @param convsPerLevel convolutions per level
 * @param dense units of each dense layer
 */
public record ClassifierArchitecture(
    String name, List<Integer> filters, int convsPerLevel, List<Integer> dense) {
  public static final List<String> PRESETS = List.of("small", "paper");

  public ClassifierArchitecture {
    if (filters == null
        || filters.isEmpty()
        || filters.stream().anyMatch(f -> f == null || f < 1)) {
      throw new IllegalArgumentException("filters must be one or more counts >= 1, got " + filters);
    }
    if (convsPerLevel < 1) {
      throw new IllegalArgumentException("convsPerLevel must be >= 1, got " + convsPerLevel);
    }
    if (dense == null || dense.stream().anyMatch(u -> u == null || u < 1)) {
      throw new IllegalArgumentException("dense must be unit counts >= 1, got " + dense);
    }
    filters = List.copyOf(filters);
    dense = List.copyOf(dense);
  }

  /**
   * The method's classifier: filters [64, 32, 32], three convolutions per level, dense [1024,
   * 1024].
   */
  public static ClassifierArchitecture paper() {
    return new ClassifierArchitecture("paper", List.of(64, 32, 32), 3, List.of(1024, 1024));
  }

  /**
   * A fast classifier for CPUs and tests: filters [16, 32], one convolution per level, dense [128].
   */
  public static ClassifierArchitecture small() {
    return new ClassifierArchitecture("small", List.of(16, 32), 1, List.of(128));
  }

  /** {@code small} or {@code paper}. */
  public static ClassifierArchitecture preset(String name) {
    return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
      case "small" -> small();
      case "paper" -> paper();
      default ->
          throw new IllegalArgumentException(
              "classifier must be one of " + PRESETS + ", got '" + name + "'");
    };
  }
}
