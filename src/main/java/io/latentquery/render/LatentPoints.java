package io.latentquery.render;

import io.latentquery.InputException;
import io.latentquery.contract.LatentColumns;
import io.latentquery.inference.Encodings;
import io.latentquery.sampling.io.LatentFile;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Latent points to decode, from any of the files people have at hand: encodings or a selection
 * ({@code .csv} with columns {@code z1..zL}, other columns ignored, {@code id} kept), a {@code
 * .npy} N x L matrix (both read by {@link LatentFile}), or a plain CSV without header whose every
 * row holds the same number L of numbers (ids are then the row numbers from 0).
 */
public final class LatentPoints {
  private LatentPoints() {}

  public static Encodings read(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new InputException("missing latent points file: " + path);
    }
    if (LatentFile.isNpy(path)) {
      return LatentFile.read(path);
    }
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        CSVParser parser =
            CSVFormat.DEFAULT
                .builder()
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get()
                .parse(reader)) {
      List<CSVRecord> records = parser.getRecords();
      if (records.isEmpty()) {
        throw new InputException(path + " holds no latent points");
      }
      if (records.get(0).toList().contains(LatentColumns.z(1))) {
        return LatentFile.read(path);
      }
      return plain(path, records);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new InputException("cannot read " + path + " as CSV: " + e.getMessage(), e);
    }
  }

  private static Encodings plain(Path path, List<CSVRecord> records) {
    int dim = records.get(0).size();
    double[] values = new double[records.size() * dim];
    List<String> ids = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      CSVRecord record = records.get(i);
      long line = record.getRecordNumber();
      if (record.size() != dim) {
        throw new InputException(
            path
                + " row "
                + line
                + " has "
                + record.size()
                + " values, expected "
                + dim
                + " like the first row");
      }
      for (int l = 0; l < dim; l++) {
        String text = record.get(l);
        double value;
        try {
          value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new InputException(
              path
                  + (i == 0
                      ? " needs a header with columns z1..zL (as lq encode and lq sample write) or rows of numbers only; row 1 is "
                          + Arrays.toString(record.values())
                      : " row " + line + ": '" + text + "' is not a number"));
        }
        if (!Double.isFinite(value)) {
          throw new InputException(
              path + " row " + line + ": '" + text + "' is not a finite number");
        }
        values[i * dim + l] = value;
      }
      ids.add(Integer.toString(i));
    }
    return new Encodings(values, records.size(), dim, ids, null);
  }
}
