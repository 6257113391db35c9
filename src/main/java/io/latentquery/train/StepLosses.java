package io.latentquery.train;

import java.util.List;

/**
 * The losses of one batch: the total and each named term.
 *
 * @param termNames the model's loss term names
 * @param values the total first, then one value per term
 */
public record StepLosses(List<String> termNames, float[] values) {
  public StepLosses {
    if (values.length != termNames.size() + 1) {
      throw new IllegalArgumentException(
          "expected the total and "
              + termNames.size()
              + " terms, got "
              + values.length
              + " values");
    }
  }

  public float total() {
    return values[0];
  }

  public float term(int index) {
    return values[index + 1];
  }

  public boolean finite() {
    for (float v : values) {
      if (!Float.isFinite(v)) {
        return false;
      }
    }
    return true;
  }
}
