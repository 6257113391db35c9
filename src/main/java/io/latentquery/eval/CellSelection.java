package io.latentquery.eval;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a cell selected and how: kept in the cell's result so that every accuracy can be traced to
 * its queries and to the parameters the strategy actually used.
 *
 * @param strategy the strategy's name as it reports itself, e.g. {@code normal-cluster}
 * @param parameters every parameter the strategy used, defaults and values derived from the data
 *     included (e.g. the threshold, ProbCover's delta)
 * @param indices the selected pool indices, in the order chosen
 * @param seconds wall time of the selection (encoding excluded: it is shared by all cells of an
 *     autoencoder)
 */
public record CellSelection(
    String strategy, Map<String, Object> parameters, List<Integer> indices, double seconds) {
  public CellSelection {
    if (strategy == null || indices == null || indices.isEmpty()) {
      throw new IllegalArgumentException(
          "a cell selection needs its strategy and at least one index");
    }
    parameters =
        parameters == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
    indices = List.copyOf(indices);
  }

  public static CellSelection of(
      String strategy, Map<String, Object> parameters, int[] indices, double seconds) {
    return new CellSelection(
        strategy, parameters, java.util.Arrays.stream(indices).boxed().toList(), seconds);
  }

  public int[] indexArray() {
    return indices.stream().mapToInt(Integer::intValue).toArray();
  }
}
