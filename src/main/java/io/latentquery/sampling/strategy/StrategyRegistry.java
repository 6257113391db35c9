package io.latentquery.sampling.strategy;

import io.latentquery.sampling.SelectionStrategy;
import io.latentquery.sampling.baseline.KCenterStrategy;
import io.latentquery.sampling.baseline.KMeansStrategy;
import io.latentquery.sampling.baseline.ProbCoverStrategy;
import io.latentquery.sampling.baseline.TypiClustStrategy;
import io.latentquery.sampling.propagate.LeastConfidentStrategy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Strategies by command-line name. Each entry has a factory that builds the strategy from the
 * user's {@link StrategyOptions}; adding a strategy is one {@link #register} call in {@link
 * #standard()}. The registry refuses an unknown name and any option the chosen strategy does not
 * read.
 */
public final class StrategyRegistry {
  /** Builds a strategy from the options given; throws IllegalArgumentException for bad values. */
  @FunctionalInterface
  public interface Factory {
    SelectionStrategy create(StrategyOptions options);
  }

  /** What a strategy needs from its caller and whether its selections depend on the seed. */
  public enum Trait {
    /**
     * The caller must attach the autoencoder's per-point reconstruction error as {@link
     * StrategyOptions#scores()}.
     */
    NEEDS_RECONSTRUCTION_ERROR,
    /**
     * The caller must attach the classes of the already-labeled points as {@link
     * StrategyOptions#knownLabels()} ({@code lq sample --labeled} with a labels file).
     */
    NEEDS_KNOWN_LABELS,
    /**
     * Selections may differ between seeds. A strategy without it is deterministic: its seed rows in
     * a table repeat one selection, and only the classifier varies.
     */
    USES_SEED
  }

  /**
   * One strategy.
   *
   * @param summary one line for {@code lq sample --help}
   * @param traits what the strategy needs and whether it uses the seed
   */
  public record Entry(String name, String summary, Set<Trait> traits, Factory factory) {
    public Entry {
      traits = traits.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(traits));
    }

    /** Whether the caller must attach the per-point reconstruction error. */
    public boolean needsReconstructionError() {
      return traits.contains(Trait.NEEDS_RECONSTRUCTION_ERROR);
    }

    /** Whether the caller must attach the classes of the already-labeled points. */
    public boolean needsKnownLabels() {
      return traits.contains(Trait.NEEDS_KNOWN_LABELS);
    }

    /**
     * Whether the strategy's selections may depend on the seed; recorded as {@code uses_seed} in a
     * selection's parameters unless the strategy reports it for the selection itself.
     */
    public boolean usesSeed() {
      return traits.contains(Trait.USES_SEED);
    }
  }

  private static final Set<Trait> SEEDED = Set.of(Trait.USES_SEED);

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /** Every strategy of the method. */
  public static StrategyRegistry standard() {
    return new StrategyRegistry()
        .register(
            "random",
            "n distinct pool examples uniformly at random.",
            SEEDED,
            RandomStrategy::fromOptions)
        .register(
            "uniform",
            "Draws uniformly over the bounding box of Z, each taking the nearest unselected point within the threshold.",
            SEEDED,
            options -> DistributionStrategy.fromOptions(DistributionFamily.UNIFORM, options))
        .register(
            "normal",
            "Draws from N(mean(Z), Cov(Z)), each taking the nearest unselected point within the threshold.",
            SEEDED,
            options -> DistributionStrategy.fromOptions(DistributionFamily.NORMAL, options))
        .register(
            "uniform-cluster",
            "Ward clusters; per cluster a uniform box and a quota of the budget.",
            SEEDED,
            options -> ClusterDistributionStrategy.fromOptions(DistributionFamily.UNIFORM, options))
        .register(
            "normal-cluster",
            "Ward clusters; per cluster a full-covariance normal and a quota of the budget.",
            SEEDED,
            options -> ClusterDistributionStrategy.fromOptions(DistributionFamily.NORMAL, options))
        .register(
            "ward-centre",
            "Ward clusters with k = n; the point nearest each cluster's mean, largest cluster first.",
            Set.of(),
            WardCentreStrategy::fromOptions)
        .register(
            "ae-error",
            "The n examples the autoencoder reconstructs worst (--error bce, the training loss, or l1); needs --autoencoder.",
            Set.of(Trait.NEEDS_RECONSTRUCTION_ERROR),
            ReconstructionErrorStrategy::fromOptions)
        .register(
            "kmeans",
            "Baseline: k-means++ with k = n; the point nearest each centroid.",
            SEEDED,
            KMeansStrategy::fromOptions)
        .register(
            "kcenter",
            "Baseline: greedy k-center (core-set), farthest point first from a seeded random start.",
            SEEDED,
            KCenterStrategy::fromOptions)
        .register(
            "typiclust",
            "Baseline: TypiClust, the most typical point of each large uncovered k-means cluster.",
            SEEDED,
            TypiClustStrategy::fromOptions)
        .register(
            "probcover",
            "Baseline: ProbCover, greedy max coverage of delta-balls (delta by purity unless --delta).",
            SEEDED,
            ProbCoverStrategy::fromOptions)
        .register(
            LeastConfidentStrategy.NAME,
            "Next round: labels of --labeled spread over a k-NN graph; the least confident point of each of n k-means clusters of the least confident.",
            Set.of(Trait.NEEDS_KNOWN_LABELS, Trait.USES_SEED),
            LeastConfidentStrategy::fromOptions);
  }

  /** Adds a strategy; names are unique. */
  public StrategyRegistry register(
      String name, String summary, Set<Trait> traits, Factory factory) {
    if (entries.containsKey(name)) {
      throw new IllegalStateException("strategy '" + name + "' is registered twice");
    }
    entries.put(name, new Entry(name, summary, traits, factory));
    return this;
  }

  public Optional<Entry> entry(String name) {
    return Optional.ofNullable(entries.get(name));
  }

  /** The entry for {@code name}, or a usage error listing the known names. */
  public Entry require(String name) {
    return entry(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown strategy '" + name + "'; known: " + String.join(", ", names())));
  }

  /** Builds strategy {@code name}; refuses options it does not use. */
  public SelectionStrategy create(String name, StrategyOptions options) {
    SelectionStrategy strategy = require(name).factory().create(options);
    if (!options.unread().isEmpty()) {
      throw new IllegalArgumentException(
          options.unread().stream().map(o -> "--" + o).collect(Collectors.joining(", "))
              + " does not apply to strategy "
              + name);
    }
    return strategy;
  }

  public List<String> names() {
    return Collections.unmodifiableList(new ArrayList<>(entries.keySet()));
  }

  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }
}
