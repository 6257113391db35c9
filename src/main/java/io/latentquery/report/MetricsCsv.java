package io.latentquery.report;

import io.latentquery.InputException;
import io.latentquery.files.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes {@code metrics.csv}: header {@code epoch,train_loss,<loss terms...>,
 * validation_loss,seconds,images_per_second}, one row per epoch. Empty or {@code NaN} numbers mean
 * "not recorded" (no validation split, say).
 */
public final class MetricsCsv {
  public static final String FILE_NAME = "metrics.csv";
  static final List<String> LEADING = List.of("epoch", "train_loss");
  static final List<String> TRAILING = List.of("validation_loss", "seconds", "images_per_second");

  private MetricsCsv() {}

  public static Metrics read(Path file) {
    CsvTable table = CsvTable.read(file);
    List<String> header = table.header();
    if (header.size() < LEADING.size() + TRAILING.size()
        || !header.subList(0, 2).equals(LEADING)
        || !header.subList(header.size() - 3, header.size()).equals(TRAILING)) {
      throw new InputException(
          file
              + " line 1: header must be epoch,train_loss,<loss terms>,"
              + "validation_loss,seconds,images_per_second; got "
              + String.join(",", header));
    }
    List<String> terms = header.subList(2, header.size() - 3);
    List<Metrics.Epoch> epochs = new ArrayList<>();
    for (CsvTable.Row row : table.rows()) {
      double[] values = new double[terms.size()];
      for (int t = 0; t < values.length; t++) {
        values[t] = row.number(terms.get(t));
      }
      epochs.add(
          new Metrics.Epoch(
              row.integer("epoch"),
              row.number("train_loss"),
              values,
              row.number("validation_loss"),
              row.number("seconds"),
              row.number("images_per_second")));
    }
    return new Metrics(terms, epochs);
  }

  public static void write(Path file, Metrics metrics) {
    StringBuilder out = new StringBuilder();
    List<String> header = new ArrayList<>(LEADING);
    header.addAll(metrics.lossTerms());
    header.addAll(TRAILING);
    out.append(String.join(",", header.stream().map(Csv::field).toList())).append('\n');
    for (Metrics.Epoch e : metrics.epochs()) {
      out.append(e.epoch()).append(',').append(Csv.number(e.trainLoss()));
      for (double term : e.terms()) {
        out.append(',').append(Csv.number(term));
      }
      out.append(',')
          .append(Csv.number(e.validationLoss()))
          .append(',')
          .append(Csv.number(e.seconds()))
          .append(',')
          .append(Csv.number(e.imagesPerSecond()))
          .append('\n');
    }
    AtomicFiles.writeString(file, out.toString());
  }
}
