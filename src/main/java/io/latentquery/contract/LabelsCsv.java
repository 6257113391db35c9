package io.latentquery.contract;

import io.latentquery.InputException;
import io.latentquery.files.AtomicFiles;
import io.latentquery.files.ReadErrors;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The one labels file every command reads and writes: a CSV with the header {@code id,label}, one
 * row per labeled example, ids as the pool ids {@code lq sample} and {@code lq encode} write,
 * labels as class names. Other columns are ignored on reading, so a selection.csv of labeled data
 * or the output of {@code lq propagate} reads as a labels file too.
 */
public final class LabelsCsv {
  public static final String ID = "id";
  public static final String LABEL = "label";

  private LabelsCsv() {}

  /**
   * One labeled example.
   *
   * @param row the row in the file, 1 for the first row after the header
   */
  public record Row(int row, String id, String label) {}

  /** The rows of one labels file, in file order, ids unique. */
  public record Labels(Path file, List<Row> rows) {
    public Labels {
      rows = List.copyOf(rows);
    }

    public int size() {
      return rows.size();
    }

    public List<String> ids() {
      return rows.stream().map(Row::id).toList();
    }

    /** The class names in order of first appearance. */
    public List<String> classes() {
      Set<String> classes = new LinkedHashSet<>();
      rows.forEach(r -> classes.add(r.label()));
      return List.copyOf(classes);
    }

    /**
     * The pool position and class index of every row. Throws an InputException naming the file and
     * the first row whose id is not in the pool or whose label is not one of {@code classNames}.
     *
     * @param poolIds the pool's ids in pool order
     * @param poolName the pool, as the message names it
     * @param classNames the known classes; empty to accept every label and number the classes in
     *     order of first appearance
     */
    public Resolved resolve(List<String> poolIds, String poolName, List<String> classNames) {
      Map<String, Integer> position = new HashMap<>(poolIds.size() * 2);
      for (int i = 0; i < poolIds.size(); i++) {
        position.putIfAbsent(poolIds.get(i), i);
      }
      return resolve(position, poolName, classNames);
    }

    /**
     * As {@link #resolve(List, String, List)}, with the pool given as the first position of each id
     * it holds (at least of every id of this file that it holds).
     */
    public Resolved resolve(
        Map<String, Integer> position, String poolName, List<String> classNames) {
      List<String> classes = classNames.isEmpty() ? classes() : List.copyOf(classNames);
      Map<String, Integer> classIndex = new HashMap<>();
      for (int c = 0; c < classes.size(); c++) {
        classIndex.putIfAbsent(classes.get(c), c);
      }
      int[] indices = new int[rows.size()];
      int[] labels = new int[rows.size()];
      for (int r = 0; r < rows.size(); r++) {
        Row row = rows.get(r);
        Integer index = position.get(row.id());
        if (index == null) {
          throw new InputException(
              file + " row " + row.row() + ": id '" + row.id() + "' is not in " + poolName);
        }
        Integer label = classIndex.get(row.label());
        if (label == null) {
          throw new InputException(
              file
                  + " row "
                  + row.row()
                  + ": label '"
                  + row.label()
                  + "' of id '"
                  + row.id()
                  + "' is not a class of "
                  + poolName
                  + " ("
                  + String.join(", ", classes)
                  + ")");
        }
        indices[r] = index;
        labels[r] = label;
      }
      return new Resolved(indices, labels, classes);
    }
  }

  /**
   * Labels placed in a pool.
   *
   * @param indices the pool position of each row, in file order
   * @param classes the class index of each row, into {@code classNames}
   * @param classNames the classes the indices refer to
   */
  public record Resolved(int[] indices, int[] classes, List<String> classNames) {
    public Resolved {
      indices = indices.clone();
      classes = classes.clone();
      classNames = List.copyOf(classNames);
    }

    @Override
    public int[] indices() {
      return indices.clone();
    }

    @Override
    public int[] classes() {
      return classes.clone();
    }
  }

  /**
   * Reads a labels file. Refuses, with one line naming the file and the row, a missing {@code id}
   * or {@code label} column, an empty id or label, an id given twice, and a file without rows.
   */
  public static Labels read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InputException("missing labels file: " + file);
    }
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    List<Row> rows = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      for (String column : List.of(ID, LABEL)) {
        if (!parser.getHeaderMap().containsKey(column)) {
          throw new InputException(
              file + " has no '" + column + "' column; a labels file has the header id,label");
        }
      }
      Map<String, Integer> rowOfId = new HashMap<>();
      int row = 0;
      for (CSVRecord record : parser) {
        row++;
        String id = record.isSet(ID) ? record.get(ID) : "";
        String label = record.isSet(LABEL) ? record.get(LABEL) : "";
        if (id.isEmpty()) {
          throw new InputException(file + " row " + row + ": the id is empty");
        }
        if (label.isEmpty()) {
          throw new InputException(file + " row " + row + ": id '" + id + "' has no label");
        }
        Integer earlier = rowOfId.putIfAbsent(id, row);
        if (earlier != null) {
          throw new InputException(
              file + " row " + row + ": id '" + id + "' was already labeled in row " + earlier);
        }
        rows.add(new Row(row, id, label));
      }
    } catch (IOException e) {
      throw new InputException("cannot read " + file + ": " + ReadErrors.describe(e), e);
    } catch (UncheckedIOException e) {
      throw new InputException("cannot read labels " + file + ": " + ReadErrors.describe(e), e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new InputException(
          "cannot read labels " + file + " as CSV: " + ReadErrors.printable(e.getMessage()), e);
    }
    if (rows.isEmpty()) {
      throw new InputException(file + " holds no labels");
    }
    return new Labels(file, rows);
  }

  /** Writes {@code ids} with their {@code labels} atomically as {@code id,label}. */
  public static void write(Path file, List<String> ids, List<String> labels) {
    write(file, ids, labels, Map.of());
  }

  /**
   * Writes {@code id,label} followed by {@code extra} columns (name to one value per row, in the
   * map's order), atomically.
   */
  public static void write(
      Path file, List<String> ids, List<String> labels, Map<String, List<String>> extra) {
    if (ids.size() != labels.size()) {
      throw new IllegalArgumentException(ids.size() + " ids for " + labels.size() + " labels");
    }
    Map<String, List<String>> columns = new LinkedHashMap<>(extra);
    columns.forEach(
        (name, values) -> {
          if (values.size() != ids.size()) {
            throw new IllegalArgumentException(
                "column " + name + " has " + values.size() + " values for " + ids.size() + " ids");
          }
        });
    List<String> header = new ArrayList<>(List.of(ID, LABEL));
    header.addAll(columns.keySet());
    AtomicFiles.write(
        file,
        out -> {
          BufferedWriter writer =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          CSVPrinter printer =
              new CSVPrinter(
                  writer,
                  CSVFormat.DEFAULT
                      .builder()
                      .setHeader(header.toArray(String[]::new))
                      .setRecordSeparator("\n")
                      .get());
          List<String> record = new ArrayList<>(header.size());
          for (int i = 0; i < ids.size(); i++) {
            record.clear();
            record.add(ids.get(i));
            record.add(labels.get(i));
            for (List<String> values : columns.values()) {
              record.add(values.get(i));
            }
            printer.printRecord(record);
          }
          printer.flush();
        });
  }
}
