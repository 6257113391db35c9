package io.latentquery.eval;

import io.latentquery.data.Dataset;
import io.latentquery.inference.Encodings;
import io.latentquery.provenance.Provenance;
import io.latentquery.sampling.Points;
import io.latentquery.sampling.propagate.KnnGraph;
import io.latentquery.sampling.propagate.KnownLabels;
import io.latentquery.sampling.propagate.PropagationJob;
import io.latentquery.sampling.propagate.SpreadSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Turns a cell's selection into its stored result: the evaluation protocol plus provenance. */
public final class CellEvaluations {
  /** How a propagating recipe spreads the labels in a grid: {@code lq propagate}'s defaults. */
  private static final SpreadSettings SPREAD = SpreadSettings.defaults();

  private CellEvaluations() {}

  /** The k-nearest-neighbour graph a propagating recipe spreads over, for the runner to share. */
  public static KnnGraph spreadGraph(Encodings encodings) {
    return KnnGraph.of(Points.of(encodings), SPREAD.neighbors());
  }

  /**
   * What a cell's recipe reads: the pool's encodings by its recipe encoder and their
   * k-nearest-neighbour graph (to propagate), and that encoder's SavedModel (to transfer); all null
   * for recipes that need none.
   */
  public record RecipeInputs(Encodings encodings, Supplier<KnnGraph> graph, Path encoder) {
    public static final RecipeInputs NONE = new RecipeInputs(null, null, null);
  }

  /** Trains the cell's classifier on the selected pool examples and tests it. */
  public static CellResult evaluate(ExperimentCell cell, CellData data, CellSelection selection) {
    return evaluate(cell, data, selection, RecipeInputs.NONE);
  }

  /**
   * Trains the cell's classifier on the selected pool examples, as its recipe says, and tests it.
   */
  public static CellResult evaluate(
      ExperimentCell cell, CellData data, CellSelection selection, RecipeInputs inputs) {
    long start = System.nanoTime();
    int[] indices = selection.indexArray();
    Recipe recipe = cell.recipe().recipe();
    EncoderConvolutions transfer =
        recipe.transfer() ? EncoderConvolutions.read(required(inputs.encoder(), recipe)) : null;
    PseudoLabels pseudo = null;
    PropagationJob.Agreement agreement = null;
    if (recipe.propagate()) {
      Dataset pool = data.pool();
      int[] classes = Arrays.stream(indices).map(pool::label).toArray();
      pseudo =
          PoolPropagation.spread(
                  pool,
                  required(inputs.encodings(), recipe),
                  required(inputs.graph(), recipe).get(),
                  new KnownLabels(indices, classes, pool.classNames()),
                  SPREAD)
              .pseudo();
      agreement = agreement(pseudo);
    }
    Augmentation augmentation = recipe.augment() ? Augmentation.STANDARD : null;
    EvaluationResult evaluation =
        new ClassifierEvaluator(cell.classifier(), augmentation, transfer)
            .evaluate(data.pool(), indices, data.test(), pseudo);
    double seconds = selection.seconds() + (System.nanoTime() - start) / 1e9;
    Map<String, Long> seeds = new LinkedHashMap<>();
    seeds.put("sampler", cell.key().seed());
    seeds.put("classifier", cell.classifier().seed());
    if (data.trainingSeed() != null) {
      seeds.put("autoencoder", data.trainingSeed());
    }
    Provenance.Builder provenance =
        Provenance.builder("experiment cell")
            .settings(cell)
            .seed(cell.key().seed())
            .dataChecksum(data.pool().subset("selected", indices).checksum());
    if (agreement != null) {
      provenance.result("pseudo_labels", agreement);
    }
    return new CellResult(
        cell.key(),
        evaluation,
        selection,
        new CellRun(data.artifacts(), seeds, seconds, provenance.build()));
  }

  /**
   * How often the spread labels equal the pool's true labels (read for this report only; training
   * never sees them), over all pseudo-labeled examples and the 90% most confident.
   */
  private static PropagationJob.Agreement agreement(PseudoLabels pseudo) {
    boolean[] right = new boolean[pseudo.size()];
    double[] confidence = new double[pseudo.size()];
    for (int k = 0; k < pseudo.size(); k++) {
      right[k] = pseudo.classes()[k] == pseudo.pool().label(pseudo.indices()[k]);
      confidence[k] = pseudo.weights()[k];
    }
    return PropagationJob.Agreement.of(right, confidence);
  }

  private static <T> T required(T input, Recipe recipe) {
    if (input == null) {
      throw new IllegalArgumentException("recipe " + recipe.label() + " needs its encoder");
    }
    return input;
  }

  /** A random-baseline cell: {@code budget} pool examples drawn with the cell's seed. */
  public static CellResult randomBaseline(ExperimentCell cell, CellData data, RecipeInputs inputs) {
    if (!cell.isBaseline()) {
      throw new IllegalArgumentException("cell " + cell.key() + " is not a random-baseline cell");
    }
    long start = System.nanoTime();
    int[] indices =
        RandomSelection.draw(data.pool().size(), cell.key().budget(), cell.key().seed());
    CellSelection selection =
        CellSelection.of(
            ExperimentConfig.BASELINE_STRATEGY,
            Map.of(),
            indices,
            (System.nanoTime() - start) / 1e9);
    return evaluate(cell, data, selection, inputs);
  }
}
