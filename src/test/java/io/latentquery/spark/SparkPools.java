package io.latentquery.spark;

import io.latentquery.inference.Encodings;
import io.latentquery.sampling.io.LatentFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/** A local[2] session shared by the Spark tests, and one pool written both ways. */
final class SparkPools {
  private static SparkSession session;

  private SparkPools() {}

  /** Stops the session this JVM runs, if any, so later tests neither share it nor its logs. */
  static synchronized void stop() {
    if (SparkSession.getActiveSession().isDefined()) {
      SparkSession.getActiveSession().get().stop();
    }
    if (SparkSession.getDefaultSession().isDefined()) {
      SparkSession.getDefaultSession().get().stop();
    }
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
    session = null;
  }

  static synchronized SparkSession spark() {
    if (session == null) {
      session = SparkSessions.open("local[2]", "lq-test");
    }
    return session;
  }

  /**
   * {@code count} labeled points in R^dim from three Gaussian blobs, seeded: as encodings and
   * written as {@code pool.csv} (what lq sample reads) and {@code pool.parquet} in three files
   * whose rows are out of pool order (what lq spark select reads).
   */
  static Encodings write(Path dir, int count, int dim, long seed, double[] errors) {
    return write(dir, new Mixture(count, dim, 3, seed), errors);
  }

  /** {@code count} points in R^dim from {@code blobs} unit Gaussians, 5.7 apart along a line. */
  record Mixture(int count, int dim, int blobs, long seed) {}

  /** The points of {@code mixture}, written as {@link #write(Path, int, int, long, double[])}. */
  static Encodings write(Path dir, Mixture mixture, double[] errors) {
    int count = mixture.count();
    int dim = mixture.dim();
    SplittableRandom rng = new SplittableRandom(mixture.seed());
    double[] values = new double[count * dim];
    List<String> ids = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int blob = rng.nextInt(mixture.blobs());
      for (int d = 0; d < dim; d++) {
        values[i * dim + d] = 4.0 * blob * (d % 2 == 0 ? 1 : -1) + rng.nextGaussian();
      }
      ids.add("img-" + i + ".png");
      labels.add("class" + blob);
    }
    Encodings encodings = new Encodings(values, count, dim, ids, labels);
    write(dir, encodings, errors);
    return encodings;
  }

  /**
   * {@code encodings} written as {@code pool.csv} and as {@code pool.parquet} in three files whose
   * rows are out of pool order.
   */
  static void write(Path dir, Encodings encodings, double[] errors) {
    int count = encodings.count();
    List<String> ids = encodings.ids();
    List<String> labels = encodings.labels();
    LatentFile.write(dir.resolve("pool.csv"), encodings);
    List<Row> rows = new ArrayList<>();
    for (int i = count - 1; i >= 0; i--) {
      List<Object> row =
          new ArrayList<>(
              List.of(
                  (long) i,
                  ids.get(i),
                  labels.get(i),
                  Arrays.stream(encodings.point(i)).boxed().toList()));
      if (errors != null) {
        row.add(errors[i]);
      }
      rows.add(RowFactory.create(row.toArray()));
    }
    spark()
        .createDataFrame(rows, EncodingsTable.schema(errors == null ? null : "bce"))
        .repartition(3)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(dir.resolve("pool.parquet").toString());
  }
}
