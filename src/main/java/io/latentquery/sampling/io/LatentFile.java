package io.latentquery.sampling.io;

import io.latentquery.InputException;
import io.latentquery.contract.LatentColumns;
import io.latentquery.files.AtomicFiles;
import io.latentquery.files.ReadErrors;
import io.latentquery.inference.Encodings;
import java.io.BufferedWriter;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Encodings on disk, as {@code lq encode} writes them and {@code lq sample --latent} reads them. A
 * {@code .csv} file has the header {@code id,label,z1..zL} (label empty when unknown); a {@code
 * .npy} file holds the N x L float64 matrix and a sidecar {@code NAME.ids.csv} ({@code id,label})
 * beside it. Files written elsewhere are read too: a CSV needs only the {@code z1..zL} columns, a
 * .npy needs no sidecar (ids are then the row numbers).
 */
public final class LatentFile {
  private LatentFile() {}

  public static boolean isNpy(Path path) {
    return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy");
  }

  /** The ids sidecar of a .npy file: {@code z.npy -> z.ids.csv}. */
  public static Path sidecar(Path npy) {
    String name = npy.getFileName().toString();
    return npy.resolveSibling(name.substring(0, name.length() - 4) + ".ids.csv");
  }

  /** The files {@link #write} creates for {@code path}. */
  public static List<Path> files(Path path) {
    return isNpy(path) ? List.of(path, sidecar(path)) : List.of(path);
  }

  /** Writes {@code encodings} atomically as CSV or, for a {@code .npy} name, .npy plus sidecar. */
  public static void write(Path path, Encodings encodings) {
    if (isNpy(path)) {
      AtomicFiles.write(sidecar(path), out -> writeIds(out, encodings));
      AtomicFiles.write(
          path, out -> Npy.write(out, encodings.values(), encodings.count(), encodings.dim()));
      return;
    }
    AtomicFiles.write(
        path,
        out -> {
          List<String> header = new ArrayList<>(List.of(LatentColumns.ID, LatentColumns.LABEL));
          for (int l = 1; l <= encodings.dim(); l++) {
            header.add(LatentColumns.z(l));
          }
          BufferedWriter writer =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          CSVPrinter printer = new CSVPrinter(writer, LatentColumns.format(header));
          List<String> row = new ArrayList<>(header.size());
          for (int i = 0; i < encodings.count(); i++) {
            row.clear();
            row.add(encodings.id(i));
            row.add(label(encodings, i));
            for (double v : encodings.point(i)) {
              row.add(number(v));
            }
            printer.printRecord(row);
          }
          printer.flush();
        });
  }

  private static void writeIds(java.io.OutputStream out, Encodings encodings) throws IOException {
    BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    CSVPrinter printer =
        new CSVPrinter(
            writer, LatentColumns.format(List.of(LatentColumns.ID, LatentColumns.LABEL)));
    for (int i = 0; i < encodings.count(); i++) {
      printer.printRecord(encodings.id(i), label(encodings, i));
    }
    printer.flush();
  }

  private static String label(Encodings encodings, int i) {
    String label = encodings.label(i);
    return label == null ? "" : label;
  }

  /** The shortest text that reads back as exactly {@code v}, so files round-trip bit for bit. */
  public static String number(double v) {
    return Double.toString(v);
  }

  /** Reads encodings written by {@link #write} or by another tool in either format. */
  public static Encodings read(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new InputException("missing encodings file: " + path);
    }
    try {
      return isNpy(path) ? readNpy(path) : readCsv(path);
    } catch (EOFException e) {
      throw new InputException(path + " ends early: the file is truncated", e);
    } catch (IOException e) {
      throw new InputException("cannot read " + path + ": " + ReadErrors.describe(e), e);
    } catch (UncheckedIOException e) {
      throw new InputException("cannot read " + path + ": " + ReadErrors.describe(e), e);
    }
  }

  private static Encodings readNpy(Path path) throws IOException {
    Npy.Matrix matrix;
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(path))) {
      matrix = Npy.read(in, path.toString());
    }
    List<String> ids = new ArrayList<>(matrix.rows());
    List<String> labels = null;
    Path sidecar = sidecar(path);
    if (Files.isRegularFile(sidecar)) {
      labels = new ArrayList<>(matrix.rows());
      try (Reader reader = Files.newBufferedReader(sidecar, StandardCharsets.UTF_8);
          CSVParser parser =
              CSVFormat.DEFAULT
                  .builder()
                  .setHeader()
                  .setSkipHeaderRecord(true)
                  .get()
                  .parse(reader)) {
        if (!parser.getHeaderMap().containsKey(LatentColumns.ID)) {
          throw new InputException(sidecar + " has no 'id' column");
        }
        boolean hasLabel = parser.getHeaderMap().containsKey(LatentColumns.LABEL);
        for (CSVRecord record : parser) {
          checkWidth(sidecar, record, parser.getHeaderNames().size());
          ids.add(record.get(LatentColumns.ID));
          labels.add(hasLabel ? emptyToNull(record.get(LatentColumns.LABEL)) : null);
        }
      }
      if (ids.size() != matrix.rows()) {
        throw new InputException(
            sidecar + " has " + ids.size() + " ids for the " + matrix.rows() + " rows of " + path);
      }
    } else {
      for (int i = 0; i < matrix.rows(); i++) {
        ids.add(Integer.toString(i));
      }
    }
    return new Encodings(matrix.values(), matrix.rows(), matrix.cols(), ids, allNullToNull(labels));
  }

  /**
   * Reads a CSV: plain files (what {@code lq encode} writes for ordinary ids) through {@link
   * SimpleLatentCsv}, anything else, and every file with a problem to report, through Commons CSV.
   */
  private static Encodings readCsv(Path path) throws IOException {
    Encodings simple = SimpleLatentCsv.read(path);
    return simple != null ? simple : readCsvGeneral(path);
  }

  /** Reads a CSV with Commons CSV: quoting, any line ends, and a message for each problem. */
  static Encodings readCsvGeneral(Path path) throws IOException {
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        CSVParser parser =
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      var header = parser.getHeaderMap();
      int dim = LatentColumns.dimensions(header.keySet());
      if (dim == 0) {
        throw new InputException(
            path + " has no z1 column; encodings need the header id,label,z1..zL");
      }
      boolean hasId = header.containsKey(LatentColumns.ID);
      boolean hasLabel = header.containsKey(LatentColumns.LABEL);
      List<String> ids = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      double[] values = new double[1024 * dim];
      int count = 0;
      for (CSVRecord record : parser) {
        checkWidth(path, record, parser.getHeaderNames().size());
        if (values.length < (count + 1) * dim) {
          values = java.util.Arrays.copyOf(values, values.length * 2);
        }
        for (int l = 0; l < dim; l++) {
          String text = record.get(LatentColumns.z(l + 1));
          try {
            values[count * dim + l] = Double.parseDouble(text);
          } catch (NumberFormatException e) {
            throw new InputException(
                path
                    + " line "
                    + (record.getRecordNumber() + 1)
                    + ": z"
                    + (l + 1)
                    + " is not a number: '"
                    + text
                    + "'");
          }
        }
        ids.add(hasId ? record.get(LatentColumns.ID) : Integer.toString(count));
        labels.add(hasLabel ? emptyToNull(record.get(LatentColumns.LABEL)) : null);
        count++;
      }
      return new Encodings(
          java.util.Arrays.copyOf(values, count * dim), count, dim, ids, allNullToNull(labels));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new InputException(
          "cannot read " + path + " as CSV: " + ReadErrors.printable(e.getMessage()), e);
    }
  }

  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  private static List<String> allNullToNull(List<String> labels) {
    return labels == null || labels.stream().allMatch(java.util.Objects::isNull) ? null : labels;
  }

  /** A row shorter than the header is named by its line, not by the CSV library's words. */
  private static void checkWidth(Path file, CSVRecord record, int columns) {
    if (record.size() < columns) {
      throw new InputException(
          file
              + " line "
              + (record.getRecordNumber() + 1)
              + ": "
              + record.size()
              + " values, expected "
              + columns);
    }
  }
}
