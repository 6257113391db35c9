package io.latentquery.eval;

import io.latentquery.provenance.Provenance;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a cell's selection into its stored result: the evaluation protocol plus provenance. */
public final class CellEvaluations {
  private CellEvaluations() {}

  /** Trains the cell's classifier on the selected pool examples and tests it. */
  public static CellResult evaluate(ExperimentCell cell, CellData data, CellSelection selection) {
    long start = System.nanoTime();
    int[] indices = selection.indexArray();
    EvaluationResult evaluation =
        new ClassifierEvaluator(cell.classifier()).evaluate(data.pool(), indices, data.test());
    double seconds = selection.seconds() + (System.nanoTime() - start) / 1e9;
    Map<String, Long> seeds = new LinkedHashMap<>();
    seeds.put("sampler", cell.key().seed());
    seeds.put("classifier", cell.classifier().seed());
    if (data.trainingSeed() != null) {
      seeds.put("autoencoder", data.trainingSeed());
    }
    Provenance provenance =
        Provenance.capture(
            "experiment cell",
            cell,
            cell.key().seed(),
            data.pool().subset("selected", indices).checksum());
    return new CellResult(
        cell.key(),
        evaluation,
        selection,
        new CellRun(data.artifacts(), seeds, seconds, provenance));
  }

  /** A random-baseline cell: {@code budget} pool examples drawn with the cell's seed. */
  public static CellResult randomBaseline(ExperimentCell cell, CellData data) {
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
    return evaluate(cell, data, selection);
  }
}
