package io.latentquery.spark;

import io.latentquery.InputException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Encodings as Parquet, the format {@code lq spark encode} writes and {@code lq spark select}
 * reads: one row per example with {@code index} (long: its position in the pool, which fixes the
 * pool's order whatever the file layout), {@code id} (string), {@code label} (string, null when
 * unknown; the column may be absent) and {@code z} (array of double: the encoding, L values, the
 * same numbers {@code lq encode} writes), and optionally the autoencoder's reconstruction error in
 * {@code error_bce} or {@code error_l1} (double), named by its measure.
 */
public final class EncodingsTable {
  public static final String INDEX = "index";
  public static final String ID = "id";
  public static final String LABEL = "label";
  public static final String Z = "z";

  private EncodingsTable() {}

  /**
   * The column of the reconstruction error measured by {@code measure} ({@code bce} or {@code l1}).
   */
  public static String errorColumn(String measure) {
    return "error_" + measure.toLowerCase(Locale.ROOT);
  }

  /** The schema, with an error column when {@code errorMeasure} is not null. */
  public static StructType schema(String errorMeasure) {
    List<StructField> fields =
        new java.util.ArrayList<>(
            List.of(
                new StructField(INDEX, DataTypes.LongType, false, Metadata.empty()),
                new StructField(ID, DataTypes.StringType, false, Metadata.empty()),
                new StructField(LABEL, DataTypes.StringType, true, Metadata.empty()),
                new StructField(
                    Z,
                    DataTypes.createArrayType(DataTypes.DoubleType, false),
                    false,
                    Metadata.empty())));
    if (errorMeasure != null) {
      fields.add(
          new StructField(
              errorColumn(errorMeasure), DataTypes.DoubleType, false, Metadata.empty()));
    }
    return new StructType(fields.toArray(StructField[]::new));
  }

  /** Reads {@code path} and checks its columns, naming what is missing. */
  public static Dataset<Row> read(SparkSession spark, String path) {
    Dataset<Row> frame;
    try {
      frame = spark.read().parquet(path);
    } catch (Exception e) { // Spark's AnalysisException is checked, though undeclared
      throw new InputException("cannot read Parquet encodings " + path + ": " + firstLine(e));
    }
    StructType schema = frame.schema();
    require(schema, path, INDEX, DataTypes.LongType);
    require(schema, path, ID, DataTypes.StringType);
    int z = fieldIndex(schema, Z);
    if (z < 0
        || !(schema.fields()[z].dataType() instanceof ArrayType array)
        || !(array.elementType().equals(DataTypes.DoubleType)
            || array.elementType().equals(DataTypes.FloatType))) {
      throw new InputException(
          path + " has no column z of type array<double> (columns: " + columns(schema) + ")");
    }
    return frame;
  }

  /** Whether the table has a label column. */
  public static boolean hasLabels(Dataset<Row> frame) {
    return fieldIndex(frame.schema(), LABEL) >= 0;
  }

  /** The encoding in column {@code column} of {@code row}, which must have {@code dim} values. */
  static double[] vector(Row row, int column, int dim, long index) {
    List<Object> values = row.getList(column);
    PointBlock.checkDim(values.size(), dim, index);
    double[] out = new double[dim];
    for (int d = 0; d < dim; d++) {
      Object v = values.get(d);
      if (v == null) {
        throw new InputException("encoding at index " + index + " holds a null value");
      }
      out[d] = ((Number) v).doubleValue();
      if (!Double.isFinite(out[d])) {
        throw new InputException("encodings hold a non-finite value (" + out[d] + ")");
      }
    }
    return out;
  }

  private static void require(StructType schema, String path, String name, DataType type) {
    int at = fieldIndex(schema, name);
    if (at < 0 || !schema.fields()[at].dataType().equals(type)) {
      throw new InputException(
          path
              + " has no column "
              + name
              + " of type "
              + type.simpleString()
              + " (columns: "
              + columns(schema)
              + ")");
    }
  }

  static int fieldIndex(StructType schema, String name) {
    String[] names = schema.fieldNames();
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  static String columns(StructType schema) {
    return String.join(", ", Arrays.asList(schema.fieldNames()));
  }

  static String firstLine(Throwable e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
