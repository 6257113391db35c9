package io.latentquery.train;

import io.latentquery.InputException;
import io.latentquery.contract.Metrics;
import io.latentquery.contract.MetricsCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's {@code metrics.csv} as training goes: one row per completed epoch, the file rewritten
 * atomically after every epoch (so a stopped run leaves a whole file).
 */
final class MetricsLog {
  private final Path file;
  private final List<String> termNames;
  private final List<Metrics.Epoch> epochs = new ArrayList<>();

  /** One epoch's figures; {@code validationLoss} is null without a validation split. */
  record Row(
      int epoch,
      double trainLoss,
      double[] terms,
      Double validationLoss,
      double seconds,
      double imagesPerSecond) {}

  MetricsLog(Path file, List<String> termNames) {
    this.file = file;
    this.termNames = List.copyOf(termNames);
  }

  /** Keeps the rows of epochs 1..{@code epochs} of an existing file (for a resumed run). */
  void loadUpTo(int epochs) {
    this.epochs.clear();
    if (!Files.isRegularFile(file)) {
      return;
    }
    Metrics old = MetricsCsv.read(file);
    if (!old.lossTerms().equals(termNames)) {
      throw new InputException(
          file + " has the loss terms " + old.lossTerms() + ", this run " + termNames);
    }
    old.epochs().stream().filter(e -> e.epoch() <= epochs).forEach(this.epochs::add);
  }

  void append(Row row) {
    epochs.add(
        new Metrics.Epoch(
            row.epoch(),
            row.trainLoss(),
            row.terms(),
            row.validationLoss() == null ? Double.NaN : row.validationLoss(),
            row.seconds(),
            row.imagesPerSecond()));
    MetricsCsv.write(file, new Metrics(termNames, epochs));
  }
}
