package io.latentquery.eval;

import io.latentquery.data.Dataset;
import io.latentquery.provenance.Provenance;
import java.util.Map;

/** Turns a cell's selection into its stored result: the evaluation protocol plus provenance. */
public final class CellEvaluations {
  private CellEvaluations() {}

  /**
   * Evaluates the pool examples {@code indices} (the cell's selection) with the cell's classifier.
   *
   * @param artifacts paths the cell used or produced, by role (e.g. {@code selection})
   */
  public static CellResult evaluate(
      ExperimentCell cell, Dataset pool, int[] indices, Dataset test, Map<String, String> artifacts) {
    EvaluationResult evaluation = new ClassifierEvaluator(cell.classifier()).evaluate(pool, indices, test);
    Provenance provenance =
        Provenance.capture("experiment cell", cell, cell.key().seed(), pool.subset("selected", indices).checksum());
    return new CellResult(cell.key(), evaluation, artifacts, provenance);
  }

  /** A random-baseline cell: {@code budget} pool examples drawn with the cell's seed. */
  public static CellResult randomBaseline(ExperimentCell cell, Dataset pool, Dataset test) {
    if (!cell.isBaseline()) {
      throw new IllegalArgumentException("cell " + cell.key() + " is not a random-baseline cell");
    }
    int[] indices = RandomSelection.draw(pool.size(), cell.key().budget(), cell.key().seed());
    return evaluate(cell, pool, indices, test, Map.of());
  }
}
