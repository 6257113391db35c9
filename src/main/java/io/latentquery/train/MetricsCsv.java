package io.latentquery.train;

import io.latentquery.InputException;
import io.latentquery.files.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * metrics.csv: one row per completed epoch with columns epoch, train_loss, one column per loss
 * term, validation_loss (empty without validation), seconds, images_per_second. Rewritten
 * atomically after every epoch.
 */
public final class MetricsCsv {
  private final Path file;
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  /** One epoch's figures. */
  public record Row(
      int epoch,
      double trainLoss,
      double[] terms,
      Double validationLoss,
      double seconds,
      double imagesPerSecond) {}

  public MetricsCsv(Path file, List<String> termNames) {
    this.file = file;
    header = new ArrayList<>(List.of("epoch", "train_loss"));
    header.addAll(termNames);
    header.addAll(List.of("validation_loss", "seconds", "images_per_second"));
  }

  public List<String> header() {
    return List.copyOf(header);
  }

  /** Keeps the rows of epochs 1..{@code epochs} of an existing file (for a resumed run). */
  public void loadUpTo(int epochs) {
    rows.clear();
    if (!Files.isRegularFile(file)) {
      return;
    }
    try (Reader in = Files.newBufferedReader(file)) {
      for (CSVRecord record :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        if (Integer.parseInt(record.get("epoch")) <= epochs) {
          rows.add(record.toList());
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new InputException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  public void append(Row row) {
    List<String> values = new ArrayList<>();
    values.add(Integer.toString(row.epoch()));
    values.add(format(row.trainLoss()));
    for (double term : row.terms()) {
      values.add(format(term));
    }
    values.add(row.validationLoss() == null ? "" : format(row.validationLoss()));
    values.add(String.format(java.util.Locale.ROOT, "%.2f", row.seconds()));
    values.add(String.format(java.util.Locale.ROOT, "%.1f", row.imagesPerSecond()));
    rows.add(values);
    write();
  }

  private void write() {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer =
        new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
      printer.printRecord(header);
      for (List<String> row : rows) {
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AtomicFiles.writeString(file, out.toString());
  }

  private static String format(double value) {
    return String.format(java.util.Locale.ROOT, "%.6f", value);
  }
}
