package io.latentquery.eval;

import io.latentquery.provenance.Provenance;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a cell was computed.
 *
 * @param artifacts paths the cell used, by role (e.g. {@code encoder}, {@code autoencoderRun},
 *     {@code data})
 * @param seeds every seed behind the result, by role: {@code sampler}, {@code classifier}, and
 *     {@code autoencoder} (its training seed) where the cell has one
 * @param seconds wall time of the cell: selection plus classifier training and testing
 * @param provenance settings, data checksum of the selected examples, versions, machine, time
 */
public record CellRun(
    Map<String, String> artifacts, Map<String, Long> seeds, double seconds, Provenance provenance) {
  public CellRun {
    artifacts =
        artifacts == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(artifacts));
    seeds = seeds == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(seeds));
  }
}
