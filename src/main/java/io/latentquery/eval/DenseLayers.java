package io.latentquery.eval;

import java.util.List;

/**
 * The classifier's ReLU dense layers between its convolutions and its logits.
 *
 * @param units units of each layer, from the convolutions on
 * @param dropout probability of dropping a unit of each layer during training, in [0,1)
 */
public record DenseLayers(List<Integer> units, double dropout) {
  public DenseLayers {
    if (units == null || units.stream().anyMatch(u -> u == null || u < 1)) {
      throw new IllegalArgumentException("dense must be unit counts >= 1, got " + units);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dense dropout must be in [0,1), got " + dropout);
    }
    units = List.copyOf(units);
  }

  /** Layers of {@code units} without dropout. */
  public static DenseLayers of(Integer... units) {
    return new DenseLayers(List.of(units), 0);
  }
}
