package io.latentquery.eval;

import io.latentquery.eval.ExperimentConfig.AutoencoderSpec;
import io.latentquery.eval.ExperimentConfig.DatasetSpec;
import io.latentquery.eval.ExperimentConfig.StrategySpec;
import io.latentquery.files.AtomicFiles;
import io.latentquery.provenance.Versions;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The method's results table: one row per autoencoder x strategy (the random baseline first), one
 * column per dataset x budget, each cell the accuracy in percent over the seeds as {@code mean ±
 * std} (sample standard deviation, n - 1), on the split the config scores on. A cell with fewer
 * stored seeds than the config lists says so, e.g. {@code 91.20 ± 0.40 (2 of 3 seeds)}; a cell with
 * none is {@code -}. A second table gives each strategy's difference to random selection, paired by
 * seed, with its 95% interval ({@link PairedDifference}); a row whose strategy made the same
 * selection for every seed is marked, since its seeds then repeat only the classifier.
 */
public final class ResultsTable {
  public static final String MARKDOWN = "table.md";
  public static final String CSV = "table.csv";
  public static final String CELLS_CSV = "cells.csv";
  public static final String PAIRED_CSV = "paired.csv";

  /** The mark of a row whose strategy selected the same examples for every seed. */
  public static final String SAME_SELECTION = "†";

  private final List<String> columns;
  private final List<Row> rows;
  private final List<CellResult> cells;
  private final String split;
  private final String classifier;

  /**
   * One row: its labels, one summary per column and, except for the random baseline, one paired
   * difference to random per column.
   *
   * @param sameSelection whether, in every column with two or more seeds, all seeds selected the
   *     same examples
   */
  public record Row(
      String autoencoder,
      String strategy,
      List<Summary> cells,
      List<PairedDifference> vsRandom,
      boolean sameSelection) {
    public boolean isBaseline() {
      return vsRandom == null;
    }

    /** The strategy label, marked when its seeds repeat one selection. */
    public String strategyLabel() {
      return sameSelection ? strategy + " " + SAME_SELECTION : strategy;
    }
  }

  /**
   * Accuracies of one table cell over its seeds.
   *
   * @param n seeds stored
   * @param expected seeds in the config
   * @param mean mean accuracy (fraction), NaN when n = 0
   * @param std sample standard deviation, NaN when n < 2
   */
  public record Summary(int n, int expected, double mean, double std) {
    static Summary of(List<Double> accuracies, int expected) {
      int n = accuracies.size();
      double mean =
          n == 0 ? Double.NaN : accuracies.stream().mapToDouble(Double::doubleValue).sum() / n;
      double std = Double.NaN;
      if (n >= 2) {
        double squares = 0;
        for (double a : accuracies) {
          squares += (a - mean) * (a - mean);
        }
        std = Math.sqrt(squares / (n - 1));
      }
      return new Summary(n, expected, mean, std);
    }

    /** {@code 93.00 ± 2.00} in percent, with the seed count when some are missing. */
    public String text() {
      if (n == 0) {
        return "-";
      }
      String value =
          n >= 2
              ? String.format(Locale.ROOT, "%.2f ± %.2f", 100 * mean, 100 * std)
              : String.format(Locale.ROOT, "%.2f", 100 * mean);
      return n < expected ? value + " (" + n + " of " + expected + " seeds)" : value;
    }
  }

  private ResultsTable(
      List<String> columns, List<Row> rows, List<CellResult> cells, ExperimentConfig config) {
    this.columns = columns;
    this.rows = rows;
    this.cells = cells;
    this.split = config.split();
    this.classifier = describe(config);
  }

  /** The classifier preset, its steps and its recipe, e.g. {@code small, 500 steps, scratch}. */
  private static String describe(ExperimentConfig config) {
    ClassifierSettings settings = config.classifier().settings(0);
    return settings.architecture().name()
        + ", "
        + settings.steps()
        + " steps, recipe "
        + config.classifier().parsedRecipe().label()
        + (config.classifier().recipeEncoder() == null
            ? ""
            : " over " + config.classifier().recipeEncoder());
  }

  /** The table of {@code config} from the stored {@code results} (missing cells are allowed). */
  public static ResultsTable of(ExperimentConfig config, Map<CellKey, CellResult> results) {
    List<String> columns = new ArrayList<>();
    for (DatasetSpec dataset : config.datasets()) {
      for (int budget : config.budgets()) {
        columns.add(dataset.id() + " / " + budget);
      }
    }
    List<Row> rows = new ArrayList<>();
    if (config.randomBaseline()) {
      rows.add(row(config, results, CellKey.NO_AUTOENCODER, ExperimentConfig.BASELINE_STRATEGY));
    }
    for (AutoencoderSpec autoencoder : config.autoencoders()) {
      for (StrategySpec strategy : config.strategies()) {
        if (strategy.appliesTo(autoencoder.key())) {
          rows.add(row(config, results, autoencoder.key(), strategy.key()));
        }
      }
    }
    List<CellResult> cells = new ArrayList<>();
    for (ExperimentCell cell : config.cells()) {
      CellResult result = results.get(cell.key());
      if (result != null) {
        cells.add(result);
      }
    }
    return new ResultsTable(List.copyOf(columns), List.copyOf(rows), List.copyOf(cells), config);
  }

  private static Row row(
      ExperimentConfig config,
      Map<CellKey, CellResult> results,
      String autoencoder,
      String strategy) {
    boolean baseline = CellKey.NO_AUTOENCODER.equals(autoencoder);
    List<Summary> summaries = new ArrayList<>();
    List<PairedDifference> differences = new ArrayList<>();
    boolean sameSelection = !baseline;
    boolean anyRepeated = false;
    for (DatasetSpec dataset : config.datasets()) {
      for (int budget : config.budgets()) {
        List<Double> accuracies = new ArrayList<>();
        List<Double> paired = new ArrayList<>();
        java.util.Set<List<Integer>> selections = new java.util.HashSet<>();
        for (long seed : config.seeds()) {
          CellResult result =
              results.get(new CellKey(dataset.id(), autoencoder, strategy, budget, seed));
          if (result == null) {
            continue;
          }
          accuracies.add(result.accuracy());
          if (result.selection() != null) {
            selections.add(result.selection().indices());
          }
          CellResult random =
              results.get(
                  new CellKey(
                      dataset.id(),
                      CellKey.NO_AUTOENCODER,
                      ExperimentConfig.BASELINE_STRATEGY,
                      budget,
                      seed));
          if (random != null) {
            paired.add(result.accuracy() - random.accuracy());
          }
        }
        summaries.add(Summary.of(accuracies, config.seeds().size()));
        differences.add(PairedDifference.of(paired));
        if (accuracies.size() >= 2) {
          anyRepeated = true;
          sameSelection &= selections.size() == 1;
        }
      }
    }
    return new Row(
        autoencoder,
        strategy,
        List.copyOf(summaries),
        baseline ? null : List.copyOf(differences),
        sameSelection && anyRepeated);
  }

  public List<String> columns() {
    return columns;
  }

  public List<Row> rows() {
    return rows;
  }

  /** Stored cells in the table. */
  public int storedCells() {
    return cells.size();
  }

  public String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("Accuracy in percent on the ")
        .append(split)
        .append(" split, mean ± std over seeds")
        .append(classifier == null ? "" : "; classifier " + classifier)
        .append(".\n\n");
    header(out);
    for (Row row : rows) {
      out.append("| ")
          .append(row.autoencoder())
          .append(" | ")
          .append(row.strategyLabel())
          .append(" |");
      row.cells().forEach(s -> out.append(' ').append(s.text()).append(" |"));
      out.append('\n');
    }
    out.append(
        "\nDifference to random in percentage points, paired by seed: mean [95% interval,"
            + " paired t]; * marks an interval that excludes 0.\n\n");
    header(out);
    for (Row row : rows) {
      if (row.isBaseline()) {
        continue;
      }
      out.append("| ")
          .append(row.autoencoder())
          .append(" | ")
          .append(row.strategyLabel())
          .append(" |");
      row.vsRandom().forEach(d -> out.append(' ').append(d.text()).append(" |"));
      out.append('\n');
    }
    if (rows.stream().anyMatch(Row::sameSelection)) {
      out.append("\n")
          .append(SAME_SELECTION)
          .append(" the strategy selected the same examples for every seed: its seeds repeat only")
          .append(" the classifier.\n");
    }
    return out.toString();
  }

  private void header(StringBuilder out) {
    header(out, columns);
  }

  /** A Markdown table's header: autoencoder, strategy, then {@code columns} right-aligned. */
  static void header(StringBuilder out, List<String> columns) {
    out.append("| autoencoder | strategy |");
    columns.forEach(c -> out.append(' ').append(c).append(" |"));
    out.append("\n|---|---|");
    columns.forEach(c -> out.append("---:|"));
    out.append('\n');
  }

  /**
   * One row per strategy row and column with plain numbers: accuracy mean and std, and the paired
   * difference to random with its interval.
   */
  public String pairedCsv() {
    List<String> header =
        List.of(
            "dataset_budget",
            "autoencoder",
            "strategy",
            "seeds",
            "accuracy_mean",
            "accuracy_std",
            "pairs",
            "difference_mean",
            "difference_std",
            "difference_low95",
            "difference_high95",
            "excludes_zero",
            "same_selection_every_seed");
    return print(
        header,
        printer -> {
          for (Row row : rows) {
            for (int c = 0; c < columns.size(); c++) {
              Summary s = row.cells().get(c);
              PairedDifference d =
                  row.isBaseline() ? PairedDifference.of(List.of()) : row.vsRandom().get(c);
              printer.printRecord(
                  columns.get(c),
                  row.autoencoder(),
                  row.strategy(),
                  s.n(),
                  s.mean(),
                  s.std(),
                  d.n(),
                  d.mean(),
                  d.std(),
                  d.low(),
                  d.high(),
                  d.excludesZero(),
                  row.sameSelection());
            }
          }
        });
  }

  /** The same layout as {@link #markdown()}, one CSV row per table row. */
  public String csv() {
    List<String> header = new ArrayList<>(List.of("autoencoder", "strategy"));
    header.addAll(columns);
    return print(
        header,
        printer -> {
          for (Row row : rows) {
            List<String> values = new ArrayList<>(List.of(row.autoencoder(), row.strategyLabel()));
            row.cells().forEach(s -> values.add(s.text()));
            printer.printRecord(values);
          }
        });
  }

  /** One row per stored cell with plain numbers, for further analysis. */
  public String cellsCsv() {
    List<String> header =
        List.of(
            "dataset",
            "autoencoder",
            "strategy",
            "budget",
            "seed",
            "accuracy",
            "classes_covered",
            "normalized_entropy",
            "largest_to_smallest",
            "autoencoder_seed",
            "commit",
            "dirty",
            "pseudo_label_accuracy",
            "pseudo_label_confident_accuracy");
    return print(
        header,
        printer -> {
          for (CellResult cell : cells) {
            CellKey key = cell.key();
            SelectionBalance balance = cell.evaluation().balance();
            printer.printRecord(
                key.dataset(),
                key.autoencoder(),
                key.strategy(),
                key.budget(),
                key.seed(),
                cell.accuracy(),
                balance.classesCovered(),
                balance.normalizedEntropy(),
                balance.largestToSmallest(),
                cell.run() == null ? null : cell.run().seeds().get("autoencoder"),
                version(cell, Versions.GIT_COMMIT),
                version(cell, Versions.GIT_DIRTY),
                pseudoLabels(cell, "accuracy"),
                pseudoLabels(cell, "confidentAccuracy"));
          }
        });
  }

  /**
   * A propagating cell's agreement of its spread labels with the pool's true labels ({@code
   * accuracy} or {@code confidentAccuracy}), or null for other cells.
   */
  private static Object pseudoLabels(CellResult cell, String field) {
    if (cell.run() == null || cell.run().provenance() == null) {
      return null;
    }
    Object pseudo = cell.run().provenance().results().get("pseudo_labels");
    return pseudo == null
        ? null
        : io.latentquery.files.Json.mapper().convertValue(pseudo, Map.class).get(field);
  }

  /**
   * Writes {@value #MARKDOWN}, {@value #CSV}, {@value #CELLS_CSV} and {@value #PAIRED_CSV} into
   * {@code folder}, each atomically.
   */
  public void write(Path folder) {
    AtomicFiles.writeString(folder.resolve(MARKDOWN), markdown());
    AtomicFiles.writeString(folder.resolve(CSV), csv());
    AtomicFiles.writeString(folder.resolve(CELLS_CSV), cellsCsv());
    AtomicFiles.writeString(folder.resolve(PAIRED_CSV), pairedCsv());
  }

  private static String version(CellResult cell, String key) {
    if (cell.run() == null || cell.run().provenance() == null) {
      return null;
    }
    Map<String, String> versions = cell.run().provenance().versions();
    return versions == null ? null : versions.get(key);
  }

  interface Rows {
    void print(CSVPrinter printer) throws IOException;
  }

  static String print(List<String> header, Rows rows) {
    StringWriter out = new StringWriter();
    CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      printer.printRecord(header);
      rows.print(printer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
