package io.latentquery.sampling.job;

import io.latentquery.contract.SelectionCsv;
import io.latentquery.contract.SelectionTable;
import io.latentquery.files.Json;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.io.SelectionRecord;
import java.nio.file.Path;

/**
 * What a {@link SelectionJob} chose: the selection, its {@code selection.csv} rows and its {@code
 * selection.json} record.
 */
public record SelectionResult(Selection selection, SelectionTable rows, SelectionRecord record) {

  /** Writes the rows to {@code csv} and the record to {@code json}, each atomically. */
  public void write(Path csv, Path json) {
    SelectionCsv.write(csv, rows);
    Json.write(json, record);
  }

  /** One line for the user, e.g. {@code selected 20 of 300 pool examples with normal-cluster}. */
  public String summary() {
    Object threshold = selection.parameters().get("threshold");
    return "selected "
        + selection.size()
        + " of "
        + record.counts().get("pool")
        + " pool examples with "
        + record.strategy()
        + (threshold instanceof Double t ? " (threshold " + (float) (double) t + ")" : "");
  }
}
