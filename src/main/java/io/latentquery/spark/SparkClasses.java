package io.latentquery.spark;

import java.util.Optional;

/**
 * Whether Spark is on the class path. The {@code lq spark} commands ask before touching any class
 * of this package that needs Spark, so {@code lq} without Spark fails with one line that says how
 * to get it, not with a {@link NoClassDefFoundError}.
 */
public final class SparkClasses {
  /** A class every Spark job needs. */
  static final String PROBE = "org.apache.spark.sql.SparkSession";

  /** The one line shown when Spark is missing. */
  public static final String MISSING =
      "Apache Spark is not on the class path: run lq spark through scripts/lq-spark (which adds"
          + " the Spark jars the build names), or submit the lq jar with spark-submit";

  private SparkClasses() {}

  /** {@link #MISSING} when {@code loader} cannot load Spark, else empty. */
  public static Optional<String> missing(ClassLoader loader) {
    try {
      Class.forName(PROBE, false, loader);
      return Optional.empty();
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.of(MISSING);
    }
  }
}
