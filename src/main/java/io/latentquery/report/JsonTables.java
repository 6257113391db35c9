package io.latentquery.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Flattens a JSON document into (key path, value) rows, e.g. {@code model.latentDim = 2}, so
 * settings and provenance read as a two-column table. Arrays of plain values stay on one row.
 */
final class JsonTables {
  private JsonTables() {}

  /** Key path and value text per leaf, in document order. */
  static List<String[]> flatten(JsonNode node) {
    List<String[]> rows = new ArrayList<>();
    flatten("", node, rows);
    return rows;
  }

  private static void flatten(String path, JsonNode node, List<String[]> rows) {
    if (node == null || node.isMissingNode()) {
      return;
    }
    if (node.isObject()) {
      if (node.isEmpty()) {
        rows.add(new String[] {path, "{}"});
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), rows);
      }
    } else if (node.isArray()) {
      boolean plain = true;
      for (JsonNode element : node) {
        plain &= element.isValueNode();
      }
      if (plain) {
        List<String> values = new ArrayList<>();
        node.forEach(element -> values.add(value(element)));
        rows.add(new String[] {path, "[" + String.join(", ", values) + "]"});
      } else {
        for (int i = 0; i < node.size(); i++) {
          flatten(path + "[" + i + "]", node.get(i), rows);
        }
      }
    } else {
      rows.add(new String[] {path.isEmpty() ? "(value)" : path, value(node)});
    }
  }

  private static String value(JsonNode node) {
    return node.isNull() ? "null" : node.asText();
  }
}
