package io.latentquery.eval;

import io.latentquery.data.Dataset;
import java.util.Map;

/**
 * The data a cell is evaluated on, shared by every cell of one dataset (and autoencoder).
 *
 * @param pool the pool the selection indexes (with the dataset's limit applied)
 * @param test the classifier's test examples
 * @param artifacts paths behind the cells, by role, recorded in each result
 * @param trainingSeed the autoencoder's training seed, or null for the random baseline
 */
public record CellData(
    Dataset pool, Dataset test, Map<String, String> artifacts, Long trainingSeed) {
  public CellData {
    if (pool == null || test == null) {
      throw new IllegalArgumentException("a cell needs its pool and test examples");
    }
    artifacts = artifacts == null ? Map.of() : Map.copyOf(artifacts);
  }
}
