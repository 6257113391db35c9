package io.latentquery.contract;

import io.latentquery.InputException;
import io.latentquery.files.ReadErrors;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file with a header read row by row, where every problem becomes an {@link InputException}
 * naming the file and the line, so a user can open the file at the bad spot.
 */
final class CsvTable {
  private final Path file;
  private final List<String> header;
  private final List<Row> rows;

  private CsvTable(Path file, List<String> header, List<Row> rows) {
    this.file = file;
    this.header = header;
    this.rows = rows;
  }

  static CsvTable read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InputException("missing file: " + file);
    }
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      List<String> header = List.copyOf(parser.getHeaderNames());
      if (header.isEmpty()) {
        throw new InputException(file + ": empty file, expected a header line");
      }
      List<Row> rows = new ArrayList<>();
      Iterator<CSVRecord> records = parser.iterator();
      while (true) {
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          throw new InputException(
              file
                  + " line "
                  + (parser.getCurrentLineNumber() + 1)
                  + ": malformed CSV ("
                  + ReadErrors.describe(e)
                  + ")",
              e);
        }
        long line = record.getRecordNumber() + 1;
        if (record.size() != header.size()) {
          throw new InputException(
              file
                  + " line "
                  + line
                  + ": "
                  + record.size()
                  + " values, expected "
                  + header.size()
                  + " ("
                  + String.join(",", header)
                  + ")");
        }
        rows.add(new Row(file, line, record.toMap()));
      }
      return new CsvTable(file, header, rows);
    } catch (IOException e) {
      throw new InputException("cannot read " + file + ": " + ReadErrors.describe(e), e);
    } catch (IllegalArgumentException e) {
      throw new InputException(
          file + " line 1: bad header (" + ReadErrors.printable(e.getMessage()) + ")", e);
    }
  }

  Path file() {
    return file;
  }

  List<String> header() {
    return header;
  }

  List<Row> rows() {
    return rows;
  }

  /** Fails unless the header has {@code column}. */
  void require(String column) {
    if (!header.contains(column)) {
      throw new InputException(
          file + " line 1: missing column '" + column + "' in header " + String.join(",", header));
    }
  }

  /** One data row with typed access; a bad value names file, line and column. */
  static final class Row {
    private final Path file;
    private final long line;
    private final Map<String, String> values;

    Row(Path file, long line, Map<String, String> values) {
      this.file = file;
      this.line = line;
      this.values = values;
    }

    long line() {
      return line;
    }

    String text(String column) {
      String value = values.get(column);
      if (value == null) {
        throw fail("missing column '" + column + "'");
      }
      return value;
    }

    int integer(String column) {
      String value = text(column).trim();
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw fail(column + " is '" + value + "', not an integer");
      }
    }

    /** A number; empty or {@code NaN} means not available and reads as NaN. */
    double number(String column) {
      String value = text(column).trim();
      if (value.isEmpty()) {
        return Double.NaN;
      }
      try {
        return Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw fail(column + " is '" + value + "', not a number");
      }
    }

    InputException fail(String message) {
      return new InputException(file + " line " + line + ": " + message);
    }
  }
}
