package io.latentquery.report;

import io.latentquery.InputException;
import io.latentquery.files.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes {@code selection.csv}: header {@code rank,index,id,label,z1..zL,cluster,
 * draw_distance}; label is empty when unknown, cluster -1 when the strategy does not cluster,
 * draw_distance empty (or NaN) when the strategy has no draws. {@code lq sample} leaves out the
 * label column for an unlabeled pool and the cluster column for strategies that do not cluster, so
 * both are optional when reading.
 */
public final class SelectionCsv {
  public static final String FILE_NAME = "selection.csv";

  private SelectionCsv() {}

  public static SelectionTable read(Path file) {
    CsvTable table = CsvTable.read(file);
    for (String column : List.of("rank", "index", "id", "draw_distance")) {
      table.require(column);
    }
    boolean labels = table.header().contains("label");
    boolean clusters = table.header().contains("cluster");
    int dim = 0;
    while (table.header().contains("z" + (dim + 1))) {
      dim++;
    }
    if (dim == 0) {
      throw new InputException(
          file + " line 1: no latent columns z1..zL in header " + String.join(",", table.header()));
    }
    List<SelectionTable.Row> rows = new ArrayList<>();
    for (CsvTable.Row row : table.rows()) {
      double[] z = new double[dim];
      for (int d = 0; d < dim; d++) {
        z[d] = row.number("z" + (d + 1));
        if (!Double.isFinite(z[d])) {
          throw row.fail("z" + (d + 1) + " is not a finite number");
        }
      }
      int index = row.integer("index");
      if (index < 0) {
        throw row.fail("index must be >= 0, got " + index);
      }
      int cluster = clusters ? row.integer("cluster") : -1;
      if (cluster < -1) {
        throw row.fail("cluster must be >= -1, got " + cluster);
      }
      rows.add(
          new SelectionTable.Row(
              row.integer("rank"),
              index,
              row.text("id"),
              labels ? row.text("label") : "",
              z,
              cluster,
              row.number("draw_distance")));
    }
    return new SelectionTable(dim, rows);
  }

  public static void write(Path file, SelectionTable table) {
    StringBuilder out = new StringBuilder("rank,index,id,label");
    for (int d = 1; d <= table.latentDim(); d++) {
      out.append(",z").append(d);
    }
    out.append(",cluster,draw_distance\n");
    for (SelectionTable.Row row : table.rows()) {
      out.append(row.rank())
          .append(',')
          .append(row.index())
          .append(',')
          .append(Csv.field(row.id()))
          .append(',')
          .append(Csv.field(row.label()));
      for (double v : row.z()) {
        out.append(',').append(Csv.number(v));
      }
      out.append(',')
          .append(row.cluster())
          .append(',')
          .append(Csv.number(row.drawDistance()))
          .append('\n');
    }
    AtomicFiles.writeString(file, out.toString());
  }
}
