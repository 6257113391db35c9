package io.latentquery.sampling.job;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.latentquery.inference.ReconstructionError;
import io.latentquery.sampling.strategy.ReconstructionErrorStrategy;
import io.latentquery.sampling.strategy.StrategyOptions;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to select: a strategy, the budget, the seed, the strategy's options and the examples already
 * labeled. The messages name the command-line flags, which carry the same names.
 *
 * @param strategy a registered strategy name, e.g. {@code normal-cluster}
 * @param n how many examples to select
 * @param seed the random seed
 * @param options the strategy's options by name without dashes, in the order given
 * @param labeled a file of ids already labeled, never selected again, or null (provenance records
 *     it among the inputs, with its checksum)
 */
public record SelectionSettings(
    String strategy, int n, long seed, Map<String, String> options, @JsonIgnore Path labeled) {

  public SelectionSettings {
    if (strategy == null || strategy.isBlank()) {
      throw new IllegalArgumentException("--strategy is required");
    }
    if (n < 1) {
      throw new IllegalArgumentException("--n must be >= 1, got " + n);
    }
    options =
        Collections.unmodifiableMap(new LinkedHashMap<>(options == null ? Map.of() : options));
  }

  /**
   * The reconstruction-error measure that option {@code error} asks for ({@code bce} unless given),
   * for ae-error: the pool's errors must be measured by it.
   *
   * @throws IllegalArgumentException when option {@code error} is neither {@code bce} nor {@code
   *     l1}
   */
  public ReconstructionError errorMeasure() {
    return ReconstructionErrorStrategy.measure(StrategyOptions.of(options));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Names each field, so that none is passed in another's place. */
  public static final class Builder {
    private String strategy;
    private int n;
    private long seed;
    private Map<String, String> options = Map.of();
    private Path labeled;

    private Builder() {}

    public Builder strategy(String strategy) {
      this.strategy = strategy;
      return this;
    }

    public Builder n(int n) {
      this.n = n;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder options(Map<String, String> options) {
      this.options = options;
      return this;
    }

    public Builder labeled(Path labeled) {
      this.labeled = labeled;
      return this;
    }

    public SelectionSettings build() {
      return new SelectionSettings(strategy, n, seed, options, labeled);
    }
  }
}
