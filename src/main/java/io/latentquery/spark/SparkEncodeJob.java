package io.latentquery.spark;

import io.latentquery.InputException;
import io.latentquery.data.Dataset;
import io.latentquery.files.Json;
import io.latentquery.inference.EncodingModels;
import io.latentquery.provenance.Provenance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Encodes a dataset split, or a Parquet table of image bytes, to Parquet encodings on Spark: the
 * work behind {@code lq spark encode}. A split's examples are cut into contiguous ranges, and a
 * table's rows keep their partitions; each task loads the SavedModel once and encodes its share
 * through the {@code inference} classes, so every number is the one {@code lq encode} writes for
 * the same images. The table is written beside its final place and renamed into it, so an existing
 * result is never half-overwritten; {@code OUT.json} records the provenance.
 */
public final class SparkEncodeJob {
  private final SparkSession spark;

  public SparkEncodeJob(SparkSession spark) {
    this.spark = spark;
  }

  /** What was encoded. */
  public record Result(long examples, int latentDim, String dataName, double seconds) {}

  /** Encodes and writes; refuses an existing {@code out} unless {@code force}. */
  public Result run(SparkEncodeSettings settings, boolean force) {
    long start = System.nanoTime();
    Source source =
        settings.source() instanceof ImageTable table
            ? imageTable(table, settings)
            : datasetSplit((EncodeSource.DatasetSplit) settings.source(), settings);
    String errorMeasure = settings.models().appliedErrorMeasure();
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(settings.out());
    org.apache.hadoop.fs.Path staging =
        new org.apache.hadoop.fs.Path(
            target.getParent(), "." + target.getName() + ".tmp-" + UUID.randomUUID());
    try {
      FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (fs.exists(target) && !force) {
        throw new InputException(settings.out() + " exists; use --force to replace it");
      }
      spark
          .createDataFrame(source.rows(), EncodingsTable.schema(errorMeasure))
          .write()
          .parquet(staging.toString());
      if (fs.exists(target)) {
        fs.delete(target, true);
      }
      if (!fs.rename(staging, target)) {
        throw new InputException("cannot move the encodings into " + settings.out());
      }
    } catch (IOException e) {
      throw new InputException("cannot write " + settings.out() + ": " + e.getMessage(), e);
    }
    int dim =
        spark
            .read()
            .parquet(settings.out())
            .selectExpr("size(" + EncodingsTable.Z + ")")
            .first()
            .getInt(0);
    double seconds = (System.nanoTime() - start) / 1e9;
    writeProvenance(settings, source, dim, seconds);
    return new Result(source.examples(), dim, source.name(), seconds);
  }

  /** The rows to encode and what identifies them. */
  private record Source(JavaRDD<Row> rows, long examples, String name, Provenance.Input input) {}

  private Source datasetSplit(EncodeSource.DatasetSplit split, SparkEncodeSettings settings) {
    Dataset data = EncodeTask.open(split);
    int n = data.size();
    if (n == 0) {
      throw new InputException("dataset " + data.name() + " has no examples to encode");
    }
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int tasks =
        Math.min(
            n, settings.partitions() > 0 ? settings.partitions() : context.defaultParallelism());
    List<int[]> ranges = new ArrayList<>(tasks);
    for (int t = 0; t < tasks; t++) {
      ranges.add(new int[] {(int) ((long) n * t / tasks), (int) ((long) n * (t + 1) / tasks)});
    }
    EncodeTask task = new EncodeTask(split, settings);
    return new Source(
        context.parallelize(ranges, tasks).mapPartitions(task::run),
        n,
        data.name(),
        new Provenance.Input("data", data.name(), data.checksum(), null));
  }

  private Source imageTable(ImageTable table, SparkEncodeSettings settings) {
    org.apache.spark.sql.Dataset<Row> frame = ImageTableReader.read(spark, table);
    long n = frame.count();
    if (n == 0) {
      throw new InputException("--images " + table.path() + " has no rows to encode");
    }
    JavaPairRDD<Row, Long> numbered = frame.javaRDD().zipWithIndex();
    if (settings.partitions() > 0) {
      numbered = numbered.repartition(settings.partitions());
    }
    ImageTableTask task = new ImageTableTask(table, settings);
    String name = new org.apache.hadoop.fs.Path(table.path()).getName();
    return new Source(
        numbered.mapPartitions(task::run),
        n,
        name,
        new Provenance.Input(
            "images", table.path(), ParquetFootprint.of(spark, table.path(), n), null));
  }

  private void writeProvenance(
      SparkEncodeSettings settings, Source source, int dim, double seconds) {
    if (settings.out().contains("://")) {
      return;
    }
    EncodingModels models = settings.models();
    Provenance.Input encoder = Provenance.Input.of("encoder", models.encoder());
    Map<String, Object> recorded = new LinkedHashMap<>();
    recorded.put("encoder", models.encoder().toString());
    recorded.put("encoderSha256", encoder.sha256());
    recorded.put("signature", models.signature());
    if (settings.source() instanceof EncodeSource.DatasetSplit split) {
      recorded.put("data", source.name());
      recorded.put("split", split.split().label());
      recorded.put("limit", split.limit());
    } else if (settings.source() instanceof ImageTable table) {
      recorded.put("images", table.path());
      recorded.put("idColumn", table.columns().id());
      recorded.put("imageColumn", table.columns().image());
      recorded.put("labelColumn", table.columns().label());
      recorded.put("channels", table.decoding().channels());
      recorded.put(
          "resize",
          table.decoding().resize() == null ? null : table.decoding().resize().toString());
      recorded.put("imagesFootprint", ParquetFootprint.RULE);
    }
    recorded.put("batchSize", models.batchSize());
    recorded.put(
        "autoencoder", models.autoencoder() == null ? null : models.autoencoder().toString());
    recorded.put("errorMeasure", models.appliedErrorMeasure());
    recorded.put("sparkMaster", spark.sparkContext().master());
    recorded.put("sparkVersion", spark.version());
    Provenance.Builder provenance =
        Provenance.builder("spark encode")
            .settings(recorded)
            .dataChecksum(source.input().sha256())
            .input(encoder)
            .input(source.input())
            .result("examples", source.examples())
            .result("latentDim", dim)
            .result("seconds", seconds);
    if (models.autoencoder() != null) {
      provenance.input(Provenance.Input.of("autoencoder", models.autoencoder()));
    }
    Json.write(Path.of(settings.out() + ".json"), provenance.build());
  }
}
