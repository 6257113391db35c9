package io.latentquery.eval;

/** Computes one cell: trains or reuses its autoencoder, selects, and evaluates the selection. */
@FunctionalInterface
public interface CellRunner {
  CellResult run(ExperimentCell cell);
}
