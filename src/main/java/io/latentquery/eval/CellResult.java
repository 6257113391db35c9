package io.latentquery.eval;

/**
 * The stored outcome of one grid cell.
 *
 * @param key the cell
 * @param evaluation the classifier's accuracy (overall and per class) on the cell's selection, and
 *     the selection's balance
 * @param selection what was selected, with the strategy's parameters
 * @param run how the cell was computed: artifacts, seeds, time, provenance
 */
public record CellResult(
    CellKey key, EvaluationResult evaluation, CellSelection selection, CellRun run) {
  public CellResult {
    if (key == null || evaluation == null) {
      throw new IllegalArgumentException("a cell result needs its key and evaluation");
    }
  }

  public double accuracy() {
    return evaluation.accuracy();
  }
}
