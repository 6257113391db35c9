package io.latentquery.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of an {@code lq spark} run: the given master ({@code local[*]} runs on this
 * machine's cores), except under spark-submit, whose {@code --master} wins (it sets the system
 * property {@code spark.master}); no web UI, and few shuffle partitions for the small shuffles
 * these jobs make.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /** A session on {@code master}, or the one already running in this JVM. */
  public static SparkSession open(String master, String app) {
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName(app)
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "8");
    boolean submitted = System.getProperty("spark.master") != null;
    if (!submitted && master != null && !master.isBlank()) {
      builder.master(master);
    }
    if (!submitted && master != null && master.startsWith("local")) {
      builder
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.driver.host", "127.0.0.1");
    }
    return builder.getOrCreate();
  }
}
