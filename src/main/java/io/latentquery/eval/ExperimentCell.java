package io.latentquery.eval;

import io.latentquery.eval.ExperimentConfig.AutoencoderSpec;
import io.latentquery.eval.ExperimentConfig.DatasetSpec;
import io.latentquery.eval.ExperimentConfig.StrategySpec;

/**
 * Everything a runner needs to compute one cell.
 *
 * @param key the cell
 * @param dataset its dataset
 * @param autoencoder its autoencoder, or null for a random-baseline cell
 * @param strategy its strategy, or null for a random-baseline cell
 * @param classifier the evaluation classifier, seeded with the cell's seed
 * @param trainingSeed the training seed of the cell's autoencoder, or null for a random-baseline
 *     cell
 * @param split where the classifier is scored: {@code validation} or {@code test}
 * @param recipe what the classifier does with the selected labels
 */
public record ExperimentCell(
    CellKey key,
    DatasetSpec dataset,
    AutoencoderSpec autoencoder,
    StrategySpec strategy,
    ClassifierSettings classifier,
    Long trainingSeed,
    String split,
    CellRecipe recipe) {

  /** Whether this is a random-baseline cell (no autoencoder, {@link RandomSelection}). */
  public boolean isBaseline() {
    return autoencoder == null;
  }
}
