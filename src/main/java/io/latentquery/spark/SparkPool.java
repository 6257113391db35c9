package io.latentquery.spark;

import io.latentquery.InputException;
import io.latentquery.sampling.job.PoolIds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * A pool of Parquet encodings opened on Spark: its size and dimension, and its points as one cached
 * {@link PointBlock} per partition, built on first use. Indices must be 0..N-1, each once: they are
 * the pool order every strategy's seed refers to.
 */
final class SparkPool implements AutoCloseable, PoolIds {
  private final SparkSession spark;
  private final Dataset<Row> frame;
  private final int count;
  private final int dim;
  private JavaRDD<PointBlock> blocks;

  SparkPool(SparkSession spark, String path) {
    this.spark = spark;
    this.frame = EncodingsTable.read(spark, path);
    Row summary =
        frame
            .selectExpr(
                "count(*)",
                "min(" + EncodingsTable.INDEX + ")",
                "max(" + EncodingsTable.INDEX + ")",
                "count(distinct " + EncodingsTable.INDEX + ")",
                "min(size(" + EncodingsTable.Z + "))")
            .first();
    long rows = summary.getLong(0);
    if (rows == 0) {
      throw new InputException(path + " holds no encodings");
    }
    if (rows > Integer.MAX_VALUE) {
      throw new InputException(path + " holds " + rows + " encodings, more than 2^31 - 1");
    }
    if (summary.getLong(1) != 0 || summary.getLong(2) != rows - 1 || summary.getLong(3) != rows) {
      throw new InputException(
          path
              + ": column index must number the "
              + rows
              + " rows 0.."
              + (rows - 1)
              + " once each, found "
              + summary.getLong(3)
              + " distinct values from "
              + summary.getLong(1)
              + " to "
              + summary.getLong(2));
    }
    this.count = (int) rows;
    this.dim = summary.getInt(4);
    if (dim < 1) {
      throw new InputException(path + " has an empty encoding");
    }
  }

  int count() {
    return count;
  }

  int dim() {
    return dim;
  }

  Dataset<Row> frame() {
    return frame;
  }

  SparkSession spark() {
    return spark;
  }

  boolean hasLabels() {
    return EncodingsTable.hasLabels(frame);
  }

  /** One block per partition, cached in memory. */
  JavaRDD<PointBlock> blocks() {
    if (blocks == null) {
      int d = dim;
      blocks =
          frame
              .select(EncodingsTable.INDEX, EncodingsTable.Z)
              .javaRDD()
              .mapPartitions(rows -> List.of(PointBlock.of(rows, d)).iterator())
              .persist(StorageLevel.MEMORY_ONLY());
    }
    return blocks;
  }

  /** Drops the cached blocks; {@link #blocks} builds them again if asked. */
  void releaseBlocks() {
    if (blocks != null) {
      blocks.unpersist(false);
      blocks = null;
    }
  }

  /** One example of the pool as the driver receives it. */
  record PoolRow(int index, String id, String label, double[] z) implements java.io.Serializable {}

  /** The rows at {@code indices}, keyed by index. */
  Map<Integer, PoolRow> rowsAt(int[] indices) {
    Set<Integer> wanted = new HashSet<>();
    for (int i : indices) {
      wanted.add(i);
    }
    Broadcast<Set<Integer>> shared =
        org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext())
            .broadcast(wanted);
    boolean labels = hasLabels();
    List<String> columns = new ArrayList<>(List.of(EncodingsTable.INDEX, EncodingsTable.ID));
    columns.add(EncodingsTable.Z);
    if (labels) {
      columns.add(EncodingsTable.LABEL);
    }
    int d = dim;
    List<PoolRow> found =
        frame
            .selectExpr(columns.toArray(String[]::new))
            .javaRDD()
            .filter(row -> shared.value().contains((int) row.getLong(0)))
            .map(
                row ->
                    new PoolRow(
                        (int) row.getLong(0),
                        row.getString(1),
                        labels && !row.isNullAt(3) ? row.getString(3) : null,
                        EncodingsTable.vector(row, 2, d, row.getLong(0))))
            .collect();
    Map<Integer, PoolRow> out = new HashMap<>();
    for (PoolRow row : found) {
      out.put(row.index(), row);
    }
    shared.destroy();
    return out;
  }

  /** The first index of each id of {@code ids} in the pool, from one pass over the table. */
  @Override
  public Map<String, Integer> positions(Collection<String> ids) {
    Broadcast<Set<String>> shared =
        org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext())
            .broadcast(new HashSet<>(ids));
    List<Row> found =
        frame
            .select(EncodingsTable.ID, EncodingsTable.INDEX)
            .javaRDD()
            .filter(row -> shared.value().contains(row.getString(0)))
            .collect();
    shared.destroy();
    Map<String, Integer> out = new HashMap<>();
    for (Row row : found) {
      out.merge(row.getString(0), (int) row.getLong(1), Math::min);
    }
    return out;
  }

  /** The distinct labels of the pool, sorted; empty when the table has no label column. */
  @Override
  public List<String> classes() {
    if (!hasLabels()) {
      return List.of();
    }
    Set<String> out = new TreeSet<>();
    for (Row row :
        frame
            .select(EncodingsTable.LABEL)
            .where(frame.col(EncodingsTable.LABEL).isNotNull())
            .distinct()
            .collectAsList()) {
      out.add(row.getString(0));
    }
    return List.copyOf(out);
  }

  @Override
  public void close() {
    if (blocks != null) {
      blocks.unpersist(false);
    }
  }
}
