package io.latentquery.spark;

import java.nio.file.Path;
import org.apache.spark.sql.functions;

/** Tables for tests outside this package, written through the shared local[2] session. */
public final class SparkTestTables {
  private SparkTestTables() {}

  /** Stops the Spark session of this JVM (lq spark runs leave theirs to the JVM's end). */
  public static void stopSpark() {
    SparkPools.stop();
  }

  /** Rewrites JSON lines with index, id and z as Parquet encodings in two files. */
  public static void jsonToParquet(Path json, Path parquet) {
    SparkPools.spark()
        .read()
        .schema(EncodingsTable.schema(null))
        .json(json.toString())
        .withColumn(EncodingsTable.INDEX, functions.col(EncodingsTable.INDEX))
        .drop(EncodingsTable.LABEL)
        .repartition(2)
        .write()
        .parquet(parquet.toString());
  }

  /** One row of Parquet encodings. */
  public record EncodedRow(String id, String label, double[] z, double error) {}

  /** The rows of Parquet encodings by index, with the error in {@code errorColumn}. */
  public static java.util.Map<Long, EncodedRow> read(Path parquet, String errorColumn) {
    java.util.Map<Long, EncodedRow> out = new java.util.HashMap<>();
    for (org.apache.spark.sql.Row row :
        SparkPools.spark()
            .read()
            .parquet(parquet.toString())
            .select("index", "id", "label", "z", errorColumn)
            .collectAsList()) {
      out.put(
          row.getLong(0),
          new EncodedRow(
              row.getString(1),
              row.isNullAt(2) ? null : row.getString(2),
              EncodingsTable.vector(row, 3, row.getList(3).size(), row.getLong(0)),
              row.getDouble(4)));
    }
    return out;
  }
}
