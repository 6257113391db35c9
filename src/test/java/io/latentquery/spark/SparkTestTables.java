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

  /**
   * Writes the PNG files under {@code folder} as a Parquet image table (id: the path relative to
   * the folder; columns name, png and class: the file's bytes and its sub-folder), in {@code
   * partitions} files, in the order a shuffle leaves them (not the folder's).
   */
  public static void imagesToParquet(Path folder, Path parquet, int partitions) {
    java.util.List<org.apache.spark.sql.Row> rows = new java.util.ArrayList<>();
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(folder)) {
      for (Path file :
          files
              .filter(f -> f.toString().endsWith(".png"))
              .sorted(java.util.Comparator.reverseOrder())
              .toList()) {
        Path relative = folder.relativize(file);
        rows.add(
            org.apache.spark.sql.RowFactory.create(
                relative.toString(),
                java.nio.file.Files.readAllBytes(file),
                relative.getParent().toString()));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    org.apache.spark.sql.types.StructType schema =
        new org.apache.spark.sql.types.StructType()
            .add("name", org.apache.spark.sql.types.DataTypes.StringType)
            .add("png", org.apache.spark.sql.types.DataTypes.BinaryType)
            .add("class", org.apache.spark.sql.types.DataTypes.StringType);
    SparkPools.spark()
        .createDataFrame(rows, schema)
        .repartition(partitions)
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
