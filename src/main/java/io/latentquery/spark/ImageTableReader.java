package io.latentquery.spark;

import io.latentquery.InputException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a Parquet {@link ImageTable} as rows of (id, bytes[, label]): the id and label as strings,
 * the bytes as stored. A missing column, or an image column that does not hold bytes, is named with
 * the flag that chose it.
 */
final class ImageTableReader {
  private ImageTableReader() {}

  static Dataset<Row> read(SparkSession spark, ImageTable table) {
    Dataset<Row> frame;
    try {
      frame = spark.read().parquet(table.path());
    } catch (Exception e) { // Spark's AnalysisException is checked, though undeclared
      throw new InputException(
          "--images: cannot read Parquet " + table.path() + ": " + EncodingsTable.firstLine(e));
    }
    StructType schema = frame.schema();
    ImageTable.Columns names = table.columns();
    List<Column> columns = new ArrayList<>(3);
    columns.add(functions.col(require(schema, table, "--id-column", names.id())).cast("string"));
    String image = require(schema, table, "--image-column", names.image());
    DataType bytes = schema.fields()[EncodingsTable.fieldIndex(schema, image)].dataType();
    if (!bytes.equals(DataTypes.BinaryType)) {
      throw new InputException(
          "--image-column "
              + image
              + " of "
              + table.path()
              + " is "
              + bytes.simpleString()
              + ", not binary (PNG or JPEG bytes)");
    }
    columns.add(functions.col(image));
    if (names.label() != null) {
      columns.add(
          functions.col(require(schema, table, "--label-column", names.label())).cast("string"));
    }
    return frame.select(columns.toArray(Column[]::new));
  }

  private static String require(StructType schema, ImageTable table, String flag, String name) {
    if (EncodingsTable.fieldIndex(schema, name) < 0) {
      throw new InputException(
          flag
              + ": "
              + table.path()
              + " has no column "
              + name
              + " (columns: "
              + EncodingsTable.columns(schema)
              + ")");
    }
    return name;
  }
}
