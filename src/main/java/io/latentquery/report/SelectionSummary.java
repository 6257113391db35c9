package io.latentquery.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentquery.InputException;
import io.latentquery.files.Json;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code selection.json} says about a selection: the strategy and its parameters, the seed,
 * the counts (pool, budget, selected...) and the class histogram of the selected examples when
 * labels are known. The whole document is kept too, so the report shows every field, including ones
 * added later.
 *
 * @param classHistogram selected examples per class name, in file order; empty when unknown
 * @param document the whole file
 */
public record SelectionSummary(
    String strategy,
    Map<String, Object> parameters,
    Long seed,
    Map<String, Long> counts,
    Map<String, Long> classHistogram,
    JsonNode document) {
  public static final String FILE_NAME = "selection.json";
  private static final String[] HISTOGRAM_KEYS = {"classHistogram", "class_histogram", "histogram"};

  public SelectionSummary {
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    classHistogram = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(classHistogram));
  }

  /** Reads {@code file}; only {@code strategy} is required, the rest may be absent. */
  public static SelectionSummary read(Path file) {
    JsonNode root = Json.readTree(file);
    if (!root.isObject()) {
      throw new InputException(file + ": expected a JSON object");
    }
    JsonNode strategy = root.get("strategy");
    if (strategy == null || !strategy.isTextual()) {
      throw new InputException(file + ": missing text field 'strategy'");
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    JsonNode params = root.get("parameters");
    if (params != null && params.isObject()) {
      params
          .properties()
          .forEach(
              e ->
                  parameters.put(
                      e.getKey(), Json.mapper().convertValue(e.getValue(), Object.class)));
    }
    JsonNode seedNode = root.get("seed");
    Long seed = seedNode != null && seedNode.canConvertToLong() ? seedNode.asLong() : null;
    Map<String, Long> counts = new LinkedHashMap<>();
    JsonNode countNode = root.get("counts");
    if (countNode != null && countNode.isObject()) {
      countNode
          .properties()
          .forEach(
              e -> {
                if (e.getValue().isIntegralNumber()) {
                  counts.put(e.getKey(), e.getValue().asLong());
                }
              });
    }
    Map<String, Long> histogram = new LinkedHashMap<>();
    for (String key : HISTOGRAM_KEYS) {
      if (root.has(key) && !root.get(key).isNull()) {
        histogram = longs(file, key, root.get(key));
        break;
      }
    }
    return new SelectionSummary(strategy.asText(), parameters, seed, counts, histogram, root);
  }

  private static Map<String, Long> longs(Path file, String field, JsonNode node) {
    Map<String, Long> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      throw new InputException(file + ": '" + field + "' must be an object of counts");
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!e.getValue().isIntegralNumber() || !e.getValue().canConvertToLong()) {
        throw new InputException(
            file
                + ": '"
                + field
                + "."
                + e.getKey()
                + "' must be a whole number, got "
                + e.getValue());
      }
      out.put(e.getKey(), e.getValue().asLong());
    }
    return out;
  }
}
