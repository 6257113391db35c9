package io.latentquery.eval;

import io.latentquery.files.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two grids compared cell by cell ({@code lq experiment compare}): for every cell key stored in
 * both, the other grid's accuracy minus the base grid's, summarised per autoencoder x strategy row
 * and dataset x budget column as a paired difference. Two grids with the same datasets, selections
 * and seeds but another classifier or recipe isolate what the classifier adds; the comparison
 * counts the pairs whose selections differ, so a reader sees whether that holds.
 *
 * @param base the base grid's name
 * @param other the other grid's name
 * @param columns dataset x budget columns
 * @param rows one row per autoencoder x strategy of the other grid
 */
public record GridComparison(String base, String other, List<String> columns, List<Row> rows) {

  /** The file names, for {@code base} and {@code other}. */
  public static String fileName(String base, String other, String extension) {
    return "compare__" + base + "__" + other + "." + extension;
  }

  /**
   * One row: per column, the paired difference and how many of its pairs had different selections.
   */
  public record Row(
      String autoencoder,
      String strategy,
      List<PairedDifference> differences,
      List<Integer> differentSelections) {}

  /** Pairs {@code otherResults} with {@code baseResults} by cell key. */
  public static GridComparison of(
      ExperimentConfig base,
      Map<CellKey, CellResult> baseResults,
      ExperimentConfig other,
      Map<CellKey, CellResult> otherResults) {
    List<String> columns = new ArrayList<>();
    for (ExperimentConfig.DatasetSpec dataset : other.datasets()) {
      for (int budget : other.budgets()) {
        columns.add(dataset.id() + " / " + budget);
      }
    }
    Set<List<String>> rowKeys = new LinkedHashSet<>();
    for (ExperimentCell cell : other.cells()) {
      rowKeys.add(List.of(cell.key().autoencoder(), cell.key().strategy()));
    }
    List<Row> rows = new ArrayList<>();
    for (List<String> rowKey : rowKeys) {
      List<PairedDifference> differences = new ArrayList<>();
      List<Integer> differentSelections = new ArrayList<>();
      for (ExperimentConfig.DatasetSpec dataset : other.datasets()) {
        for (int budget : other.budgets()) {
          List<Double> paired = new ArrayList<>();
          int different = 0;
          for (long seed : other.seeds()) {
            CellKey key = new CellKey(dataset.id(), rowKey.get(0), rowKey.get(1), budget, seed);
            CellResult mine = otherResults.get(key);
            CellResult theirs = baseResults.get(key);
            if (mine == null || theirs == null) {
              continue;
            }
            paired.add(mine.accuracy() - theirs.accuracy());
            if (!sameSelection(mine, theirs)) {
              different++;
            }
          }
          differences.add(PairedDifference.of(paired));
          differentSelections.add(different);
        }
      }
      rows.add(
          new Row(
              rowKey.get(0),
              rowKey.get(1),
              List.copyOf(differences),
              List.copyOf(differentSelections)));
    }
    return new GridComparison(base.name(), other.name(), List.copyOf(columns), List.copyOf(rows));
  }

  private static boolean sameSelection(CellResult a, CellResult b) {
    return a.selection() == null
        ? b.selection() == null
        : b.selection() != null && a.selection().indices().equals(b.selection().indices());
  }

  public String markdown() {
    StringBuilder out = new StringBuilder();
    out.append(other)
        .append(" minus ")
        .append(base)
        .append(", accuracy in percentage points paired by cell (same dataset, autoencoder,")
        .append(" strategy, budget and seed): mean [95% interval, paired t]; * marks an interval")
        .append(" that excludes 0.\n\n");
    ResultsTable.header(out, columns);
    int different = 0;
    for (Row row : rows) {
      out.append("| ").append(row.autoencoder()).append(" | ").append(row.strategy()).append(" |");
      row.differences().forEach(d -> out.append(' ').append(d.text()).append(" |"));
      out.append('\n');
      different += row.differentSelections().stream().mapToInt(Integer::intValue).sum();
    }
    out.append('\n')
        .append(
            different == 0
                ? "Every pair has the same selection: the difference is the classifier's alone.\n"
                : different + " pairs have different selections.\n");
    return out.toString();
  }

  public String csv() {
    return ResultsTable.print(
        List.of(
            "dataset_budget",
            "autoencoder",
            "strategy",
            "pairs",
            "difference_mean",
            "difference_std",
            "difference_low95",
            "difference_high95",
            "excludes_zero",
            "pairs_with_different_selections"),
        printer -> {
          for (Row row : rows) {
            for (int c = 0; c < columns.size(); c++) {
              PairedDifference d = row.differences().get(c);
              printer.printRecord(
                  columns.get(c),
                  row.autoencoder(),
                  row.strategy(),
                  d.n(),
                  d.mean(),
                  d.std(),
                  d.low(),
                  d.high(),
                  d.excludesZero(),
                  row.differentSelections().get(c));
            }
          }
        });
  }

  /**
   * Writes the Markdown and CSV files into {@code folder}, atomically; returns the Markdown file.
   */
  public Path write(Path folder) {
    Path markdown = folder.resolve(fileName(base, other, "md"));
    AtomicFiles.writeString(markdown, markdown());
    AtomicFiles.writeString(folder.resolve(fileName(base, other, "csv")), csv());
    return markdown;
  }
}
