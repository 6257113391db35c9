package io.latentquery.eval;

import java.util.List;
import java.util.Map;

/** Hand-made cell results for grid and table tests. */
final class Cells {
  private Cells() {}

  /** A result whose selection differs between seeds. */
  static CellResult result(CellKey key, double accuracy) {
    return result(key, accuracy, new int[] {4, 1, 6 + (int) key.seed()});
  }

  /** A result with the given selected indices. */
  static CellResult result(CellKey key, double accuracy, int[] indices) {
    SelectionBalance balance = SelectionBalance.of(new int[] {0, 1, 1}, 2);
    EvaluationResult evaluation =
        new EvaluationResult(
            key.budget(),
            accuracy,
            List.of(accuracy, accuracy),
            List.of("a", "b"),
            100,
            0.5,
            balance,
            ClassifierSettings.defaults(key.seed()));
    CellSelection selection = CellSelection.of("uniform", Map.of("threshold", 0.25), indices, 0.01);
    CellRun run = new CellRun(Map.of("encoder", "enc"), Map.of("sampler", key.seed()), 1.5, null);
    return new CellResult(key, evaluation, selection, run);
  }
}
