package io.latentquery.eval;

import io.latentquery.provenance.Provenance;
import java.util.Map;

/**
 * The stored outcome of one grid cell.
 *
 * @param key the cell
 * @param evaluation the classifier's accuracy on the cell's selection, and its balance
 * @param artifacts paths of what the cell produced or used (e.g. {@code selection},
 *     {@code encoder}), by role
 * @param provenance how the cell was computed
 */
public record CellResult(CellKey key, EvaluationResult evaluation, Map<String, String> artifacts, Provenance provenance) {
  public CellResult {
    if (key == null || evaluation == null) {
      throw new IllegalArgumentException("a cell result needs its key and evaluation");
    }
    artifacts = artifacts == null ? Map.of() : Map.copyOf(artifacts);
  }

  public double accuracy() {
    return evaluation.accuracy();
  }
}
