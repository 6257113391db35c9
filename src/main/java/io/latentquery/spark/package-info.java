/**
 * Encoding and selection on Apache Spark, for pools beyond one machine. The jobs here read and
 * write what {@code lq encode} and {@code lq sample} do, and call the sampling package for every
 * strategy's math: the driver draws with the same seeded generators and resolves candidates with
 * the same rules, the partitions only search their own points. Spark is a provided dependency, so
 * nothing outside this package may load these classes unless {@link SparkClasses} finds Spark.
 */
package io.latentquery.spark;
