package io.latentquery.sampling.strategy;

import io.latentquery.InputException;
import io.latentquery.data.Dataset;
import io.latentquery.inference.Encodings;
import io.latentquery.sampling.Points;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.SelectionStrategy;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a registered strategy over encodings: the one code path behind {@code lq sample} and the
 * experiment runner, so a grid cell selects exactly what the command would with the same strategy,
 * options, encodings and seed.
 */
public final class SelectionService {
  /**
   * The selection parameter that says whether the seed shaped the selection; false marks a
   * deterministic selection, whose repeats over seeds are one selection.
   */
  public static final String USES_SEED = "uses_seed";

  private final StrategyRegistry registry;

  public SelectionService(StrategyRegistry registry) {
    this.registry = registry;
  }

  /** A service over {@link StrategyRegistry#standard()}. */
  public static SelectionService standard() {
    return new SelectionService(StrategyRegistry.standard());
  }

  public StrategyRegistry registry() {
    return registry;
  }

  /** A strategy's name as it reports it, and what it selected. */
  public record Outcome(String strategyName, Selection selection) {}

  /**
   * Checks a strategy name and its options before any data is read, so that a typo fails at once;
   * throws IllegalArgumentException naming the bad name or option.
   */
  public StrategyRegistry.Entry check(String strategy, Map<String, String> options) {
    StrategyRegistry.Entry entry = registry.require(strategy);
    StrategyOptions parsed = StrategyOptions.of(options);
    registry.create(
        strategy,
        entry.needsReconstructionError()
            ? parsed.withScores(
                new double[0], ReconstructionErrorStrategy.measure(StrategyOptions.of(options)))
            : parsed);
    return entry;
  }

  /**
   * Selects with {@code strategy}. A strategy that ranks by reconstruction error needs the
   * per-point errors attached to {@code options} ({@link StrategyOptions#withScores}).
   */
  public Outcome select(
      String strategy, StrategyOptions options, Encodings encodings, SelectionRequest request) {
    StrategyRegistry.Entry entry = registry.require(strategy);
    if (entry.needsReconstructionError() && options.scores().isEmpty()) {
      throw new IllegalArgumentException(
          "strategy " + strategy + " needs the autoencoder's reconstruction errors");
    }
    SelectionStrategy selector = registry.create(strategy, options);
    Selection selection = withSeedUse(selector.select(Points.of(encodings), request), entry);
    return new Outcome(selector.name(), selection);
  }

  /**
   * The selection with {@value #USES_SEED} in its parameters: what the strategy reported for this
   * selection, else whether its registry entry uses the seed at all.
   */
  public static Selection withSeedUse(Selection selection, StrategyRegistry.Entry entry) {
    if (selection.parameters().containsKey(USES_SEED)) {
      return selection;
    }
    Map<String, Object> parameters = new TreeMap<>(selection.parameters());
    parameters.put(USES_SEED, entry.usesSeed());
    return new Selection(
        selection.indices(),
        selection.drawDistances(),
        selection.clusters(),
        parameters,
        selection.draws());
  }

  /**
   * Refuses reconstruction errors computed over other examples than the encodings: the
   * autoencoder's data must list the same ids in the same order.
   */
  public static void checkSameExamples(Dataset dataset, Encodings encodings) {
    if (dataset.size() != encodings.count()) {
      throw new InputException(
          "the autoencoder's data has "
              + dataset.size()
              + " examples but there are "
              + encodings.count()
              + " encodings");
    }
    for (int i = 0; i < dataset.size(); i++) {
      if (!dataset.id(i).equals(encodings.id(i))) {
        throw new InputException(
            "example "
                + i
                + " is '"
                + dataset.id(i)
                + "' in the data but '"
                + encodings.id(i)
                + "' in the encodings; they must be the same examples");
      }
    }
  }
}
