package io.latentquery.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * What a model adds to a training graph.
 *
 * @param lossTerms named scalar loss terms, in a fixed order; the trainer minimises their sum and
 *     logs each as its own column of metrics.csv
 * @param outputs the model's outputs in the training graph by {@link
 *     io.latentquery.contract.SavedModelContract} name ({@code latent}, {@code reconstruction}), so
 *     that tests and diagnostics can compare them with the exported models
 */
public record TrainingGraph(
    Map<String, Operand<TFloat32>> lossTerms, Map<String, Operand<TFloat32>> outputs) {
  public TrainingGraph {
    if (lossTerms.isEmpty()) {
      throw new IllegalArgumentException("a training graph needs at least one loss term");
    }
    lossTerms = Collections.unmodifiableMap(new LinkedHashMap<>(lossTerms));
    outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
  }
}
