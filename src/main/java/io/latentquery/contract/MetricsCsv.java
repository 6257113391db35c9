package io.latentquery.contract;

import io.latentquery.InputException;
import io.latentquery.files.AtomicFiles;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code metrics.csv}, a training run's record: one row per completed epoch with columns {@code
 * epoch,train_loss,<loss terms...>,validation_loss,seconds,images_per_second}. Losses are written
 * with six decimals, seconds with two, the rate with one; an empty (or {@code NaN}) number means
 * "not recorded", such as the validation loss of a run without a validation split.
 */
public final class MetricsCsv {
  public static final String FILE_NAME = "metrics.csv";
  public static final String EPOCH = "epoch";
  public static final String TRAIN_LOSS = "train_loss";
  public static final String VALIDATION_LOSS = "validation_loss";
  public static final String SECONDS = "seconds";
  public static final String IMAGES_PER_SECOND = "images_per_second";

  static final List<String> LEADING = List.of(EPOCH, TRAIN_LOSS);
  static final List<String> TRAILING = List.of(VALIDATION_LOSS, SECONDS, IMAGES_PER_SECOND);

  private MetricsCsv() {}

  /** The header of a run with these loss terms. */
  public static List<String> header(List<String> lossTerms) {
    List<String> header = new ArrayList<>(LEADING);
    header.addAll(lossTerms);
    header.addAll(TRAILING);
    return header;
  }

  /** Reads a metrics file; a bad header or value names the file and line. */
  public static Metrics read(Path file) {
    CsvTable table = CsvTable.read(file);
    List<String> header = table.header();
    if (header.size() < LEADING.size() + TRAILING.size()
        || !header.subList(0, LEADING.size()).equals(LEADING)
        || !header.subList(header.size() - TRAILING.size(), header.size()).equals(TRAILING)) {
      throw new InputException(
          file
              + " line 1: header must be "
              + String.join(",", LEADING)
              + ",<loss terms>,"
              + String.join(",", TRAILING)
              + "; got "
              + String.join(",", header));
    }
    List<String> terms = header.subList(LEADING.size(), header.size() - TRAILING.size());
    List<Metrics.Epoch> epochs = new ArrayList<>();
    for (CsvTable.Row row : table.rows()) {
      double[] values = new double[terms.size()];
      for (int t = 0; t < values.length; t++) {
        values[t] = row.number(terms.get(t));
      }
      epochs.add(
          new Metrics.Epoch(
              row.integer(EPOCH),
              row.number(TRAIN_LOSS),
              values,
              row.number(VALIDATION_LOSS),
              row.number(SECONDS),
              row.number(IMAGES_PER_SECOND)));
    }
    return new Metrics(terms, epochs);
  }

  /** Writes {@code metrics} atomically. */
  public static void write(Path file, Metrics metrics) {
    AtomicFiles.write(
        file,
        out -> {
          BufferedWriter writer =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          CSVPrinter printer =
              new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
          printer.printRecord(header(metrics.lossTerms()));
          List<String> values = new ArrayList<>();
          for (Metrics.Epoch e : metrics.epochs()) {
            values.clear();
            values.add(Integer.toString(e.epoch()));
            values.add(loss(e.trainLoss()));
            for (double term : e.terms()) {
              values.add(loss(term));
            }
            values.add(Double.isNaN(e.validationLoss()) ? "" : loss(e.validationLoss()));
            values.add(String.format(Locale.ROOT, "%.2f", e.seconds()));
            values.add(String.format(Locale.ROOT, "%.1f", e.imagesPerSecond()));
            printer.printRecord(values);
          }
          printer.flush();
        });
  }

  private static String loss(double value) {
    return String.format(Locale.ROOT, "%.6f", value);
  }
}
