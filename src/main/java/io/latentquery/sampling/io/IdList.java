package io.latentquery.sampling.io;

import io.latentquery.InputException;
import io.latentquery.contract.LatentColumns;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Example ids read from a file: a CSV whose header has an {@code id} column (a previous
 * selection.csv or encodings file works as is), or one id per line (the first field of each row)
 * when the first row has no {@code id} field.
 */
public final class IdList {
  private IdList() {}

  /** The ids in file order, without duplicates. */
  public static List<String> read(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new InputException("missing id file: " + path);
    }
    Set<String> ids = new LinkedHashSet<>();
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        CSVParser parser =
            CSVFormat.DEFAULT
                .builder()
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get()
                .parse(reader)) {
      int column = 0;
      boolean first = true;
      for (CSVRecord record : parser) {
        if (first) {
          first = false;
          int idColumn = -1;
          for (int c = 0; c < record.size(); c++) {
            if (record.get(c).equalsIgnoreCase(LatentColumns.ID)) {
              idColumn = c;
            }
          }
          if (idColumn >= 0) {
            column = idColumn;
            continue;
          }
        }
        if (record.size() > column && !record.get(column).isEmpty()) {
          ids.add(record.get(column));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new InputException("cannot read " + path + " as CSV: " + e.getMessage(), e);
    }
    return new ArrayList<>(ids);
  }

  /** Pool positions of ids, and the ids the pool does not hold. */
  public record Resolved(int[] indices, List<String> unknown) {}

  /**
   * The pool positions of {@code ids}, with the pool given as the first position of each id it
   * holds (at least of every id of {@code ids} that it holds).
   */
  public static Resolved resolve(List<String> ids, Map<String, Integer> position) {
    List<Integer> found = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String id : ids) {
      Integer index = position.get(id);
      if (index == null) {
        unknown.add(id);
      } else {
        found.add(index);
      }
    }
    return new Resolved(found.stream().mapToInt(Integer::intValue).toArray(), unknown);
  }
}
