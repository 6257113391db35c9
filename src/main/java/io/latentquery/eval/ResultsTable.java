package io.latentquery.eval;

import io.latentquery.eval.ExperimentConfig.AutoencoderSpec;
import io.latentquery.eval.ExperimentConfig.DatasetSpec;
import io.latentquery.eval.ExperimentConfig.StrategySpec;
import io.latentquery.files.AtomicFiles;
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
 * column per dataset x budget, each cell the test accuracy in percent over the seeds as {@code mean
 * ± std} (sample standard deviation, n - 1). A cell with fewer stored seeds than the config lists
 * says so, e.g. {@code 91.20 ± 0.40 (2 of 3 seeds)}; a cell with none is {@code -}.
 */
public final class ResultsTable {
  public static final String MARKDOWN = "table.md";
  public static final String CSV = "table.csv";
  public static final String CELLS_CSV = "cells.csv";

  private final List<String> columns;
  private final List<Row> rows;
  private final List<CellResult> cells;

  /** One row: its labels and one summary per column. */
  public record Row(String autoencoder, String strategy, List<Summary> cells) {}

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

  private ResultsTable(List<String> columns, List<Row> rows, List<CellResult> cells) {
    this.columns = columns;
    this.rows = rows;
    this.cells = cells;
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
        rows.add(row(config, results, autoencoder.key(), strategy.key()));
      }
    }
    List<CellResult> cells = new ArrayList<>();
    for (ExperimentCell cell : config.cells()) {
      CellResult result = results.get(cell.key());
      if (result != null) {
        cells.add(result);
      }
    }
    return new ResultsTable(List.copyOf(columns), List.copyOf(rows), List.copyOf(cells));
  }

  private static Row row(
      ExperimentConfig config,
      Map<CellKey, CellResult> results,
      String autoencoder,
      String strategy) {
    List<Summary> summaries = new ArrayList<>();
    for (DatasetSpec dataset : config.datasets()) {
      for (int budget : config.budgets()) {
        List<Double> accuracies = new ArrayList<>();
        for (long seed : config.seeds()) {
          CellResult result =
              results.get(new CellKey(dataset.id(), autoencoder, strategy, budget, seed));
          if (result != null) {
            accuracies.add(result.accuracy());
          }
        }
        summaries.add(Summary.of(accuracies, config.seeds().size()));
      }
    }
    return new Row(autoencoder, strategy, List.copyOf(summaries));
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
    out.append("| autoencoder | strategy |");
    columns.forEach(c -> out.append(' ').append(c).append(" |"));
    out.append("\n|---|---|");
    columns.forEach(c -> out.append("---:|"));
    out.append('\n');
    for (Row row : rows) {
      out.append("| ").append(row.autoencoder()).append(" | ").append(row.strategy()).append(" |");
      row.cells().forEach(s -> out.append(' ').append(s.text()).append(" |"));
      out.append('\n');
    }
    return out.toString();
  }

  /** The same layout as {@link #markdown()}, one CSV row per table row. */
  public String csv() {
    List<String> header = new ArrayList<>(List.of("autoencoder", "strategy"));
    header.addAll(columns);
    return print(
        header,
        printer -> {
          for (Row row : rows) {
            List<String> values = new ArrayList<>(List.of(row.autoencoder(), row.strategy()));
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
            "largest_to_smallest");
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
                balance.largestToSmallest());
          }
        });
  }

  /**
   * Writes {@value #MARKDOWN}, {@value #CSV} and {@value #CELLS_CSV} into {@code folder}, each
   * atomically.
   */
  public void write(Path folder) {
    AtomicFiles.writeString(folder.resolve(MARKDOWN), markdown());
    AtomicFiles.writeString(folder.resolve(CSV), csv());
    AtomicFiles.writeString(folder.resolve(CELLS_CSV), cellsCsv());
  }

  private interface Rows {
    void print(CSVPrinter printer) throws IOException;
  }

  private static String print(List<String> header, Rows rows) {
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
