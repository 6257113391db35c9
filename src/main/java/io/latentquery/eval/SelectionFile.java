package io.latentquery.eval;

import io.latentquery.InputException;
import io.latentquery.contract.LatentColumns;
import io.latentquery.contract.SelectionCsv;
import io.latentquery.data.Dataset;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the pool indices of a selection written by {@code lq sample} (columns {@code
 * rank,index,id,...}) and checks them against the pool they are used with: every index must be in
 * the pool, appear once, and name the example with the id the selection recorded. A mismatching id
 * means the selection was made from other data (another dataset, split or {@code --limit}), and
 * evaluating it would silently train on the wrong images.
 */
public final class SelectionFile {
  public static final String INDEX = SelectionCsv.INDEX;
  public static final String ID = LatentColumns.ID;

  private SelectionFile() {}

  /** The selection's pool indices, in file order. */
  public static int[] read(Path file, Dataset pool) {
    if (!Files.isRegularFile(file)) {
      throw new InputException("missing file: " + file);
    }
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      for (String column : new String[] {INDEX, ID}) {
        if (!parser.getHeaderMap().containsKey(column)) {
          throw new InputException(
              file
                  + " has no '"
                  + column
                  + "' column; expected a selection from 'lq sample' (rank,index,id,...)");
        }
      }
      var records = parser.getRecords();
      int[] indices = new int[records.size()];
      Map<Integer, Integer> rowOfIndex = new HashMap<>();
      for (int r = 0; r < records.size(); r++) {
        CSVRecord record = records.get(r);
        int row = r + 1;
        int index = parseIndex(file, row, record.get(INDEX));
        if (index >= pool.size()) {
          throw new InputException(
              file
                  + " row "
                  + row
                  + ": index "
                  + index
                  + " is outside the pool of "
                  + pool.size()
                  + " examples of "
                  + pool.name()
                  + "; the selection was made from other data");
        }
        String expected = pool.id(index);
        String got = record.get(ID);
        if (!expected.equals(got)) {
          throw new InputException(
              file
                  + " row "
                  + row
                  + ": index "
                  + index
                  + " has id '"
                  + got
                  + "' but pool example "
                  + index
                  + " of "
                  + pool.name()
                  + " is '"
                  + expected
                  + "'; the selection was made from other data");
        }
        Integer earlier = rowOfIndex.putIfAbsent(index, row);
        if (earlier != null) {
          throw new InputException(
              file
                  + " row "
                  + row
                  + ": index "
                  + index
                  + " was already selected in row "
                  + earlier);
        }
        indices[r] = index;
      }
      if (indices.length == 0) {
        throw new InputException(file + " selects no examples");
      }
      return indices;
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw new InputException("cannot read selection " + file + ": " + e.getMessage(), e);
    }
  }

  private static int parseIndex(Path file, int row, String text) {
    try {
      int index = Integer.parseInt(text.trim());
      if (index < 0) {
        throw new NumberFormatException();
      }
      return index;
    } catch (NumberFormatException e) {
      throw new InputException(
          file + " row " + row + ": index '" + text + "' is not a pool index (an integer >= 0)");
    }
  }
}
