package io.latentquery.spark;

import java.nio.file.Path;
import org.apache.spark.sql.functions;

/** Tables for tests outside this package, written through the shared local[2] session. */
public final class SparkTestTables {
  private SparkTestTables() {}

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
}
