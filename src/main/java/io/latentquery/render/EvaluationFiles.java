package io.latentquery.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentquery.InputException;
import io.latentquery.files.Json;
import io.latentquery.report.EvaluationResult;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Evaluation results as a report shows them: the accuracy of every run of a strategy at a budget on
 * a dataset, summarised as mean and sample standard deviation over the runs (0 for one run).
 *
 * <p>Reads what {@code lq evaluate} and {@code lq experiment} write: a {@code NAME.evaluation.json}
 * (the strategy is read from the selection's {@code NAME.json} beside it, else the selection's file
 * name; a random baseline is {@code random}), a grid cell's JSON ({@code key} and {@code
 * evaluation}), a {@code cells.csv} (columns dataset, autoencoder, strategy, budget, accuracy), or
 * a folder holding any of these. Files are read as plain JSON and CSV.
 */
public final class EvaluationFiles {
  private EvaluationFiles() {}

  /** One evaluated run before summarising. */
  record Run(String strategy, String autoencoder, String dataset, int budget, double accuracy) {}

  /** The summaries of every run in {@code paths}, in the order first seen. */
  public static List<EvaluationResult> read(List<Path> paths) {
    List<Run> runs = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(path)) {
          files =
              listing
                  .filter(f -> isJson(f) || f.getFileName().toString().equals("cells.csv"))
                  .sorted()
                  .toList();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
        }
        int before = runs.size();
        for (Path file : files) {
          readFile(file, runs, false);
        }
        if (runs.size() == before) {
          throw new InputException(
              path
                  + " holds no evaluation results (*.evaluation.json, grid cell files or cells.csv)");
        }
      } else if (Files.isRegularFile(path)) {
        readFile(path, runs, true);
      } else {
        throw new InputException("missing evaluation file: " + path);
      }
    }
    return summarise(runs);
  }

  private static boolean isJson(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
  }

  private static void readFile(Path file, List<Run> runs, boolean required) {
    if (isJson(file)) {
      Run run = readJson(file);
      if (run != null) {
        runs.add(run);
      } else if (required) {
        throw new InputException(
            file
                + " is not an evaluation result: expected 'result' (lq evaluate) or 'key' and "
                + "'evaluation' (lq experiment)");
      }
    } else {
      runs.addAll(readCells(file));
    }
  }

  private static Run readJson(Path file) {
    JsonNode root = Json.readTree(file);
    if (root.has("key") && root.has("evaluation")) {
      JsonNode key = root.get("key");
      return new Run(
          text(file, key, "strategy"),
          key.path("autoencoder").asText("none"),
          key.path("dataset").asText(""),
          budget(file, key.path("budget")),
          accuracy(file, root.get("evaluation")));
    }
    if (root.has("result")) {
      JsonNode result = root.get("result");
      String strategy =
          root.hasNonNull("randomSize")
              ? "random"
              : selectionStrategy(file, root.path("selection").asText(""));
      return new Run(
          strategy,
          "none",
          root.path("data").asText(""),
          budget(file, result.path("budget")),
          accuracy(file, result));
    }
    return null;
  }

  /** The strategy of the selection an evaluation used: from its record beside it, else its name. */
  private static String selectionStrategy(Path file, String selection) {
    if (selection.isBlank()) {
      throw new InputException(file + ": names neither a selection nor a random size");
    }
    Path csv = Path.of(selection);
    String name = csv.getFileName().toString();
    String base =
        name.toLowerCase(Locale.ROOT).endsWith(".csv")
            ? name.substring(0, name.length() - 4)
            : name;
    for (Path record :
        List.of(csv.resolveSibling(base + ".json"), file.resolveSibling(base + ".json"))) {
      if (Files.isRegularFile(record)) {
        JsonNode strategy = Json.readTree(record).get("strategy");
        if (strategy != null && strategy.isTextual()) {
          return strategy.asText();
        }
      }
    }
    return base;
  }

  private static List<Run> readCells(Path file) {
    List<Run> runs = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser =
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      for (String column : List.of("strategy", "budget", "accuracy")) {
        if (!parser.getHeaderMap().containsKey(column)) {
          throw new InputException(
              file
                  + " has no '"
                  + column
                  + "' column; expected the cells.csv of lq experiment table");
        }
      }
      boolean hasDataset = parser.getHeaderMap().containsKey("dataset");
      boolean hasAutoencoder = parser.getHeaderMap().containsKey("autoencoder");
      for (CSVRecord record : parser) {
        String where = file + " line " + (record.getRecordNumber() + 1);
        int budget;
        double accuracy;
        try {
          budget = Integer.parseInt(record.get("budget").trim());
          accuracy = Double.parseDouble(record.get("accuracy").trim());
        } catch (NumberFormatException e) {
          throw new InputException(where + ": budget and accuracy must be numbers");
        }
        if (!Double.isFinite(accuracy) || budget < 1) {
          throw new InputException(where + ": needs a budget >= 1 and a finite accuracy");
        }
        runs.add(
            new Run(
                record.get("strategy"),
                hasAutoencoder ? record.get("autoencoder") : "none",
                hasDataset ? record.get("dataset") : "",
                budget,
                accuracy));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new InputException("cannot read " + file + " as CSV: " + e.getMessage(), e);
    }
    return runs;
  }

  private static String text(Path file, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new InputException(file + ": missing text field '" + field + "'");
    }
    return value.asText();
  }

  private static int budget(Path file, JsonNode node) {
    if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 1) {
      throw new InputException(file + ": the budget must be a whole number >= 1, got " + node);
    }
    return node.asInt();
  }

  private static double accuracy(Path file, JsonNode evaluation) {
    JsonNode node = evaluation == null ? null : evaluation.get("accuracy");
    if (node == null || !node.isNumber() || !Double.isFinite(node.asDouble())) {
      throw new InputException(file + ": missing number field 'accuracy'");
    }
    return node.asDouble();
  }

  /**
   * Mean and sample standard deviation per strategy, budget and dataset. Strategies are named with
   * their autoencoder only when runs of several autoencoders are given.
   */
  static List<EvaluationResult> summarise(List<Run> runs) {
    Set<String> autoencoders = new LinkedHashSet<>();
    runs.stream().map(Run::autoencoder).filter(a -> !a.equals("none")).forEach(autoencoders::add);
    boolean nameAutoencoder = autoencoders.size() > 1;
    Map<List<Object>, List<Double>> groups = new LinkedHashMap<>();
    for (Run run : runs) {
      String strategy =
          nameAutoencoder && !run.autoencoder().equals("none")
              ? run.strategy() + " (" + run.autoencoder() + ")"
              : run.strategy();
      groups
          .computeIfAbsent(List.of(strategy, run.budget(), run.dataset()), k -> new ArrayList<>())
          .add(run.accuracy());
    }
    List<EvaluationResult> results = new ArrayList<>();
    for (Map.Entry<List<Object>, List<Double>> group : groups.entrySet()) {
      List<Double> values = group.getValue();
      double mean = values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
      double squares = 0;
      for (double v : values) {
        squares += (v - mean) * (v - mean);
      }
      double std = values.size() < 2 ? 0 : Math.sqrt(squares / (values.size() - 1));
      results.add(
          new EvaluationResult(
              (String) group.getKey().get(0),
              (Integer) group.getKey().get(1),
              (String) group.getKey().get(2),
              mean,
              std));
    }
    return results;
  }
}
