package io.latentquery.sampling.io;

import io.latentquery.files.AtomicFiles;
import io.latentquery.inference.Encodings;
import io.latentquery.sampling.Selection;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The selection as the person labeling reads it, one row per chosen example in the order chosen:
 * {@code rank,index,id,label,z1..zL,cluster,draw_distance}. {@code index} is the example's position
 * in the pool, {@code label} appears only when labels are known, {@code cluster} only for clustered
 * strategies, and {@code draw_distance} is empty where the strategy had no draw. The content
 * depends only on the inputs and seed (no time), so reruns are byte-identical.
 */
public final class SelectionCsv {
  private SelectionCsv() {}

  public static void write(Path path, Selection selection, Encodings encodings) {
    boolean labels = encodings.hasLabels();
    boolean clustered = Arrays.stream(selection.clusters()).anyMatch(c -> c >= 0);
    List<String> header = new ArrayList<>(List.of("rank", "index", "id"));
    if (labels) {
      header.add("label");
    }
    for (int l = 1; l <= encodings.dim(); l++) {
      header.add("z" + l);
    }
    if (clustered) {
      header.add("cluster");
    }
    header.add("draw_distance");
    AtomicFiles.write(
        path,
        out -> {
          BufferedWriter writer =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          var printer = new org.apache.commons.csv.CSVPrinter(writer, LatentFile.format(header));
          List<String> row = new ArrayList<>(header.size());
          for (int rank = 0; rank < selection.size(); rank++) {
            int index = selection.indices()[rank];
            row.clear();
            row.add(Integer.toString(rank + 1));
            row.add(Integer.toString(index));
            row.add(encodings.id(index));
            if (labels) {
              String label = encodings.label(index);
              row.add(label == null ? "" : label);
            }
            for (double v : encodings.point(index)) {
              row.add(LatentFile.number(v));
            }
            if (clustered) {
              row.add(Integer.toString(selection.clusters()[rank]));
            }
            double distance = selection.drawDistances()[rank];
            row.add(Double.isNaN(distance) ? "" : Double.toString(distance));
            printer.printRecord(row);
          }
          printer.flush();
        });
  }
}
