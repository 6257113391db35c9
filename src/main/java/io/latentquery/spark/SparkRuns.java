package io.latentquery.spark;

import io.latentquery.sampling.job.SelectionResult;
import org.apache.spark.sql.SparkSession;

/**
 * The entry points the {@code lq spark} commands call once {@link SparkClasses} has found Spark:
 * each opens the session on the given master, runs one job and leaves the session to the JVM's end
 * (a spark-submit driver or one {@code lq} run).
 */
public final class SparkRuns {
  private SparkRuns() {}

  /**
   * Runs {@code settings} on {@code master} ({@code local[*]}, {@code spark://...}, {@code yarn}).
   */
  public static SelectionResult select(String master, SparkSelectionSettings settings) {
    SparkSession spark = SparkSessions.open(master, "lq spark select");
    return new SparkSelectionJob(spark).run(settings);
  }

  /** Encodes as {@code settings} say on {@code master}. */
  public static SparkEncodeJob.Result encode(
      String master, SparkEncodeSettings settings, boolean force) {
    SparkSession spark = SparkSessions.open(master, "lq spark encode");
    return new SparkEncodeJob(spark).run(settings, force);
  }

  /** Measures {@code settings} on {@code master}. */
  public static SparkSelectionBench.Report bench(
      String master, SparkSelectionBench.Settings settings) {
    return SparkSelectionBench.run(SparkSessions.open(master, "lq bench spark"), settings);
  }
}
