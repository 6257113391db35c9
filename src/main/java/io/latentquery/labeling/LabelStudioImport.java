package io.latentquery.labeling;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentquery.InputException;
import io.latentquery.files.Json;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads Label Studio's export of a project made by {@link LabelStudioExport} back to one label per
 * pool id: its JSON export (a list of tasks, each with {@code data.pool_id} and {@code annotations}
 * whose {@code result} holds a {@code choices} value) or its CSV export (one row per annotation,
 * columns {@code pool_id} and {@code label}, the choice). Cancelled (skipped) annotations do not
 * count. Refuses, with one line naming the file and the task or row: a pool id the export did not
 * hand out, a class it did not offer, an exported id without any annotation, and annotations that
 * disagree.
 */
public final class LabelStudioImport {
  private LabelStudioImport() {}

  /** The labels, by pool id, in the manifest's task order. */
  public static Map<String, String> read(Path file, ExportManifest manifest) {
    if (!Files.isRegularFile(file)) {
      throw new InputException("missing Label Studio export: " + file);
    }
    Collector collector = new Collector(file, manifest);
    if (isJson(file)) {
      readJson(file, collector);
    } else {
      readCsv(file, collector);
    }
    return collector.labels();
  }

  private static boolean isJson(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return true;
    }
    if (name.endsWith(".csv")) {
      return false;
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int c;
      do {
        c = reader.read();
      } while (c >= 0 && Character.isWhitespace(c));
      return c == '[' || c == '{';
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void readJson(Path file, Collector collector) {
    JsonNode root = Json.readTree(file);
    if (!root.isArray()) {
      throw new InputException(
          file + " is not Label Studio's JSON export: expected a list of tasks");
    }
    int number = 0;
    for (JsonNode task : root) {
      number++;
      String where = file + " task " + number;
      JsonNode poolId = task.path("data").path(LabelStudioExport.POOL_ID);
      if (!poolId.isValueNode()) {
        throw new InputException(
            where + " has no data.pool_id; it was not exported with lq label export");
      }
      String id = poolId.asText();
      List<String> choices = new ArrayList<>();
      JsonNode annotations =
          task.has("annotations") ? task.get("annotations") : task.path("completions");
      for (JsonNode annotation : annotations) {
        if (annotation.path("was_cancelled").asBoolean(false)) {
          continue;
        }
        for (JsonNode result : annotation.path("result")) {
          if ("choices".equals(result.path("type").asText())) {
            result.path("value").path("choices").forEach(c -> choices.add(c.asText()));
          }
        }
      }
      collector.add(where, id, choices);
    }
  }

  private static void readCsv(Path file, Collector collector) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      for (String column : List.of(LabelStudioExport.POOL_ID, LabelStudioExport.FROM_NAME)) {
        if (!parser.getHeaderMap().containsKey(column)) {
          throw new InputException(
              file
                  + " has no '"
                  + column
                  + "' column; expected Label Studio's CSV export of a project from"
                  + " lq label export");
        }
      }
      boolean hasCancelled = parser.getHeaderMap().containsKey("was_cancelled");
      int row = 0;
      for (CSVRecord record : parser) {
        row++;
        String where = file + " row " + row;
        String id = record.get(LabelStudioExport.POOL_ID);
        List<String> choices = new ArrayList<>();
        boolean cancelled =
            hasCancelled && record.get("was_cancelled").trim().equalsIgnoreCase("true");
        if (!cancelled) {
          choices.addAll(csvChoices(where, record.get(LabelStudioExport.FROM_NAME)));
        }
        collector.add(where, id, choices);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new InputException("cannot read " + file + " as CSV: " + e.getMessage(), e);
    }
  }

  /** A cell of the label column: the choice itself, or JSON {"choices": [...]} for several. */
  private static List<String> csvChoices(String where, String cell) {
    String text = cell.trim();
    if (text.isEmpty()) {
      return List.of();
    }
    if (!text.startsWith("{")) {
      return List.of(cell);
    }
    try {
      JsonNode node = Json.mapper().readTree(text);
      List<String> choices = new ArrayList<>();
      node.path("choices").forEach(c -> choices.add(c.asText()));
      return choices;
    } catch (IOException e) {
      throw new InputException(where + ": cannot read the label '" + cell + "'");
    }
  }

  /** Gathers the choices per id and enforces the rules. */
  private static final class Collector {
    private final Path file;
    private final ExportManifest manifest;
    private final Set<String> exported;
    private final Set<String> classes;
    private final Map<String, Set<String>> choices = new LinkedHashMap<>();
    private final Map<String, String> firstPlace = new LinkedHashMap<>();

    Collector(Path file, ExportManifest manifest) {
      this.file = file;
      this.manifest = manifest;
      this.exported = new HashSet<>(manifest.ids());
      this.classes = new HashSet<>(manifest.classes());
    }

    void add(String where, String id, List<String> given) {
      if (!exported.contains(id)) {
        throw new InputException(where + ": pool id '" + id + "' is not among the exported images");
      }
      firstPlace.putIfAbsent(id, where);
      Set<String> seen = choices.computeIfAbsent(id, k -> new LinkedHashSet<>());
      for (String choice : given) {
        if (!classes.contains(choice)) {
          throw new InputException(
              where
                  + " (pool id '"
                  + id
                  + "'): label '"
                  + choice
                  + "' is not one of the exported classes ("
                  + String.join(", ", manifest.classes())
                  + ")");
        }
        seen.add(choice);
        if (seen.size() > 1) {
          List<String> both = new ArrayList<>(seen);
          throw new InputException(
              where
                  + " (pool id '"
                  + id
                  + "'): conflicting annotations '"
                  + both.get(0)
                  + "' and '"
                  + both.get(1)
                  + "'");
        }
      }
    }

    Map<String, String> labels() {
      Map<String, String> labels = new LinkedHashMap<>();
      for (String id : manifest.ids()) {
        Set<String> seen = choices.get(id);
        if (seen == null) {
          throw new InputException(
              file + ": pool id '" + id + "' has no task; every exported image needs a label");
        }
        if (seen.isEmpty()) {
          throw new InputException(
              firstPlace.get(id) + " (pool id '" + id + "'): no annotation with a label");
        }
        labels.put(id, seen.iterator().next());
      }
      return labels;
    }
  }
}
