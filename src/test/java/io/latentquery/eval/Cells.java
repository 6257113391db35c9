package io.latentquery.eval;

import java.util.List;
import java.util.Map;

/** Hand-made cell results for grid and table tests. */
final class Cells {
  private Cells() {}

  static CellResult result(CellKey key, double accuracy) {
    SelectionBalance balance = SelectionBalance.of(new int[] {0, 1, 1}, 2);
    EvaluationResult evaluation =
        new EvaluationResult(
            key.budget(), accuracy, List.of(accuracy, accuracy), List.of("a", "b"), 100, 0.5, balance,
            ClassifierSettings.defaults(key.seed()));
    return new CellResult(key, evaluation, Map.of("selection", "sel.csv"), null);
  }
}
