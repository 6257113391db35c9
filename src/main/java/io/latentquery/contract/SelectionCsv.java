package io.latentquery.contract;

import io.latentquery.InputException;
import io.latentquery.files.AtomicFiles;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code selection.csv}, the selection as the person labeling reads it: one row per chosen example
 * in the order chosen, {@code rank,index,id,label,z1..zL,cluster,draw_distance}. {@code index} is
 * the example's position in the pool; {@code label} is there only when the pool has labels, {@code
 * cluster} only for strategies that cluster, and {@code draw_distance} is empty where the strategy
 * had no draw. The content depends only on the table (no time), so reruns are byte-identical.
 */
public final class SelectionCsv {
  public static final String FILE_NAME = "selection.csv";
  public static final String RANK = "rank";
  public static final String INDEX = "index";
  public static final String CLUSTER = "cluster";
  public static final String DRAW_DISTANCE = "draw_distance";

  private SelectionCsv() {}

  /** The header {@link #write} gives a table. */
  public static List<String> header(SelectionTable table) {
    List<String> header = new ArrayList<>(List.of(RANK, INDEX, LatentColumns.ID));
    if (table.labeled()) {
      header.add(LatentColumns.LABEL);
    }
    for (int d = 1; d <= table.latentDim(); d++) {
      header.add(LatentColumns.z(d));
    }
    if (table.clustered()) {
      header.add(CLUSTER);
    }
    header.add(DRAW_DISTANCE);
    return header;
  }

  /** Writes {@code table} atomically; numbers as the shortest text that reads back exactly. */
  public static void write(Path file, SelectionTable table) {
    List<String> header = header(table);
    boolean clustered = table.clustered();
    AtomicFiles.write(
        file,
        out -> {
          BufferedWriter writer =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          CSVPrinter printer = new CSVPrinter(writer, LatentColumns.format(header));
          List<String> values = new ArrayList<>(header.size());
          for (SelectionTable.Row row : table.rows()) {
            values.clear();
            values.add(Integer.toString(row.rank()));
            values.add(Integer.toString(row.index()));
            values.add(row.id());
            if (table.labeled()) {
              values.add(row.label());
            }
            for (double v : row.z()) {
              values.add(Double.toString(v));
            }
            if (clustered) {
              values.add(Integer.toString(row.cluster()));
            }
            double distance = row.drawDistance();
            values.add(Double.isNaN(distance) ? "" : Double.toString(distance));
            printer.printRecord(values);
          }
          printer.flush();
        });
  }

  /**
   * Reads a selection written by {@link #write} or by hand: label and cluster columns are optional
   * (empty label and cluster -1 when absent); a bad value names the file and line.
   */
  public static SelectionTable read(Path file) {
    CsvTable table = CsvTable.read(file);
    for (String column : List.of(RANK, INDEX, LatentColumns.ID, DRAW_DISTANCE)) {
      table.require(column);
    }
    boolean labels = table.header().contains(LatentColumns.LABEL);
    boolean clusters = table.header().contains(CLUSTER);
    int dim = LatentColumns.dimensions(table.header());
    if (dim == 0) {
      throw new InputException(
          file + " line 1: no latent columns z1..zL in header " + String.join(",", table.header()));
    }
    List<SelectionTable.Row> rows = new ArrayList<>();
    for (CsvTable.Row row : table.rows()) {
      double[] z = new double[dim];
      for (int d = 0; d < dim; d++) {
        z[d] = row.number(LatentColumns.z(d + 1));
        if (!Double.isFinite(z[d])) {
          throw row.fail(LatentColumns.z(d + 1) + " is not a finite number");
        }
      }
      int index = row.integer(INDEX);
      if (index < 0) {
        throw row.fail("index must be >= 0, got " + index);
      }
      int cluster = clusters ? row.integer(CLUSTER) : -1;
      if (cluster < -1) {
        throw row.fail("cluster must be >= -1, got " + cluster);
      }
      rows.add(
          new SelectionTable.Row(
              row.integer(RANK),
              index,
              row.text(LatentColumns.ID),
              labels ? row.text(LatentColumns.LABEL) : "",
              z,
              cluster,
              row.number(DRAW_DISTANCE)));
    }
    return new SelectionTable(dim, labels, rows);
  }
}
