package io.latentquery.cli;

import io.latentquery.InputException;
import io.latentquery.spark.SparkClasses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lq spark ...}: encode and select on Apache Spark, for pools beyond one machine. */
@Command(
    name = "spark",
    header = "Encode and select on Apache Spark (pools beyond one machine).",
    mixinStandardHelpOptions = true,
    description = {
      "Encode and select on Apache Spark, locally (--master local[*]) or on a cluster.",
      "Needs the Spark jars: run through scripts/lq-spark, or submit the lq jar with spark-submit."
    },
    subcommands = {SparkSelectCommand.class, SparkEncodeCommand.class})
final class SparkCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Fails with one line saying how to get Spark when it is not on the class path. */
  static void requireSpark() {
    SparkClasses.missing(SparkCommand.class.getClassLoader())
        .ifPresent(
            line -> {
              throw new InputException(line);
            });
  }
}
