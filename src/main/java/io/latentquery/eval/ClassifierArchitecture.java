package io.latentquery.eval;

import java.util.List;
import java.util.Locale;

/**
 * The evaluation classifier's shape, of the encoder's design: per level {@code convsPerLevel} 3x3
 * ReLU convolutions with that level's filter count and a 2x2 max-pool, then ReLU dense layers (with
 * dropout during training, if any), then linear logits over the classes (softmax in the loss).
 *
 * @param name preset name, for reports
 * @param filters filters per level
 * @param convsPerLevel convolutions per level
 * @param dense the dense layers
 */
public record ClassifierArchitecture(
    String name, List<Integer> filters, int convsPerLevel, DenseLayers dense) {
  public static final List<String> PRESETS = List.of("small", "method", "paper");

  public ClassifierArchitecture {
    if (filters == null
        || filters.isEmpty()
        || filters.stream().anyMatch(f -> f == null || f < 1)) {
      throw new IllegalArgumentException("filters must be one or more counts >= 1, got " + filters);
    }
    if (convsPerLevel < 1) {
      throw new IllegalArgumentException("convsPerLevel must be >= 1, got " + convsPerLevel);
    }
    if (dense == null) {
      throw new IllegalArgumentException("dense layers must be given");
    }
    filters = List.copyOf(filters);
  }

  /**
   * The method's classifier: the encoder's design (filters [64, 32, 32], dense [1024, 1024]) with
   * two convolutions per level and dropout 0.2 on the dense layers.
   */
  public static ClassifierArchitecture method() {
    return new ClassifierArchitecture(
        "method", List.of(64, 32, 32), 2, new DenseLayers(List.of(1024, 1024), 0.2));
  }

  /**
   * The paper encoder's layers as a classifier: filters [64, 32, 32], three convolutions per level,
   * dense [1024, 1024], no dropout.
   */
  public static ClassifierArchitecture paper() {
    return new ClassifierArchitecture("paper", List.of(64, 32, 32), 3, DenseLayers.of(1024, 1024));
  }

  /**
   * A fast classifier for CPUs and tests: filters [16, 32], one convolution per level, dense [128].
   */
  public static ClassifierArchitecture small() {
    return new ClassifierArchitecture("small", List.of(16, 32), 1, DenseLayers.of(128));
  }

  /** {@code small}, {@code method} or {@code paper}. */
  public static ClassifierArchitecture preset(String name) {
    return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
      case "small" -> small();
      case "method" -> method();
      case "paper" -> paper();
      default ->
          throw new IllegalArgumentException(
              "classifier must be one of " + PRESETS + ", got '" + name + "'");
    };
  }
}
