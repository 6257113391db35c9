package io.latentquery.eval;

import io.latentquery.eval.ExperimentConfig.AutoencoderSpec;

/**
 * What a cell's classifier does with the selected labels, and the autoencoder it reads for that.
 *
 * @param recipe the recipe
 * @param encoder the autoencoder whose encodings or weights the recipe uses, or null when it uses
 *     none
 * @param encoderSeed that autoencoder's training seed for this cell's repetition, or null
 */
public record CellRecipe(Recipe recipe, AutoencoderSpec encoder, Long encoderSeed) {
  /** Training on the selected labels alone. */
  public static final CellRecipe SCRATCH = new CellRecipe(Recipe.SCRATCH, null, null);

  public CellRecipe {
    if (recipe == null) {
      throw new IllegalArgumentException("a cell needs a recipe");
    }
    if (recipe.needsEncoder() != (encoder != null && encoderSeed != null)) {
      throw new IllegalArgumentException(
          "recipe "
              + recipe.label()
              + (recipe.needsEncoder() ? " needs" : " reads no")
              + " encoder");
    }
  }
}
