package io.latentquery.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * What a model adds to a training graph: named scalar loss terms, in a fixed order. The trainer
 * minimises their sum and logs each term as its own column of metrics.csv.
 */
public record TrainingGraph(Map<String, Operand<TFloat32>> lossTerms) {
  public TrainingGraph {
    if (lossTerms.isEmpty()) {
      throw new IllegalArgumentException("a training graph needs at least one loss term");
    }
    lossTerms = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lossTerms));
  }
}
