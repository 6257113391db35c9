package io.latentquery.eval;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The classifier's ReLU dense layers between its convolutions and its logits.
 *
 * @param units units of each layer, from the convolutions on
 * @param dropout probability of dropping a unit of each layer during training, in [0,1)
 */
public record DenseLayers(List<Integer> units, double dropout) {
  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public DenseLayers(
      @JsonProperty("units") List<Integer> units, @JsonProperty("dropout") double dropout) {
    if (units == null || units.stream().anyMatch(u -> u == null || u < 1)) {
      throw new IllegalArgumentException("dense must be unit counts >= 1, got " + units);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dense dropout must be in [0,1), got " + dropout);
    }
    this.units = List.copyOf(units);
    this.dropout = dropout;
  }

  /** Results stored before dropout was a setting list the units alone: no dropout. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static DenseLayers stored(List<Integer> units) {
    return new DenseLayers(units, 0);
  }

  /** Layers of {@code units} without dropout. */
  public static DenseLayers of(Integer... units) {
    return new DenseLayers(List.of(units), 0);
  }
}
