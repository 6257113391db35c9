package io.latentquery.sampling.strategy;

import io.latentquery.InputException;
import io.latentquery.inference.ReconstructionError;
import io.latentquery.sampling.Points;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.SelectionStrategy;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ae-error}: the n unselected pool examples with the highest reconstruction error, highest
 * first, ties by lower index. The measure is option {@code error}: {@code bce} (default), the
 * binary cross-entropy the autoencoders are trained to minimise, so the ranking follows what
 * training found hard, or {@code l1}, the mean absolute error. Pure: the caller computes the errors
 * with the same measure ({@link #measure}) and hands them in. The ranking uses no randomness, so
 * every seed gives the same selection.
 */
public final class ReconstructionErrorStrategy implements SelectionStrategy {
  private final double[] errors;
  private final ReconstructionError measure;

  /**
   * @param errors the reconstruction error of every pool example, in pool order
   * @param measure how {@code errors} were measured, for the record
   */
  public ReconstructionErrorStrategy(double[] errors, ReconstructionError measure) {
    for (double e : errors) {
      if (Double.isNaN(e)) {
        throw new InputException("a reconstruction error is NaN");
      }
    }
    this.errors = errors.clone();
    this.measure = measure;
  }

  /** The measure option {@code error} asks for; marks it as read. */
  public static ReconstructionError measure(StrategyOptions options) {
    return options.choice("error", ReconstructionError::parse).orElse(ReconstructionError.DEFAULT);
  }

  /**
   * Reads option {@code error} and the attached errors; refuses errors measured otherwise than the
   * option asks, so a record never names a measure the ranking did not use.
   */
  public static ReconstructionErrorStrategy fromOptions(StrategyOptions options) {
    ReconstructionError measure = measure(options);
    options
        .scoreMeasure()
        .filter(given -> given != measure)
        .ifPresent(
            given -> {
              throw new IllegalArgumentException(
                  "the reconstruction errors were measured by "
                      + given.label()
                      + " but strategy ae-error asks for --error "
                      + measure.label());
            });
    return new ReconstructionErrorStrategy(
        options
            .scores()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "strategy ae-error needs the autoencoder's reconstruction errors: give"
                            + " --autoencoder")),
        measure);
  }

  @Override
  public String name() {
    return "ae-error";
  }

  @Override
  public Selection select(Points points, SelectionRequest request) {
    if (errors.length != points.count()) {
      throw new InputException(
          errors.length
              + " reconstruction errors for "
              + points.count()
              + " pool encodings; they must describe the same examples");
    }
    request.checkAgainst(points.count());
    boolean[] labeled = new boolean[points.count()];
    for (int i : request.alreadySelected()) {
      labeled[i] = true;
    }
    Integer[] order = new Integer[points.count()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int byError = Double.compare(errors[b], errors[a]);
          return byError != 0 ? byError : Integer.compare(a, b);
        });
    int[] chosen = new int[request.budget()];
    int filled = 0;
    for (int k = 0; filled < chosen.length; k++) {
      if (!labeled[order[k]]) {
        chosen[filled++] = order[k];
      }
    }
    Map<String, Object> parameters = new TreeMap<>();
    parameters.put("strategy", name());
    parameters.put("error", measure.label());
    parameters.put("error_measure", measure.description());
    parameters.put("highest_error", errors[chosen[0]]);
    parameters.put("lowest_selected_error", errors[chosen[chosen.length - 1]]);
    return Selection.of(chosen, parameters);
  }
}
