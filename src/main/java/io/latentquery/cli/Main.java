package io.latentquery.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lq} command line: parses, validates and hands each subcommand's work to its package.
 */
@Command(
    name = "lq",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "latent-query: choose which unlabeled images to label first.",
    subcommands = {
      DataCommand.class,
      TrainCommand.class,
      ExportCommand.class,
      EncodeCommand.class,
      SampleCommand.class,
      EvaluateCommand.class,
      PropagateCommand.class,
      LabelCommand.class,
      ExperimentCommand.class,
      ReportCommand.class,
      ExploreCommand.class,
      DecodeCommand.class,
      BenchCommand.class,
      SparkCommand.class,
    })
public final class Main implements Runnable {
  @picocli.CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs {@code lq args} in-process and returns the exit code (tests call this). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setExecutionExceptionHandler(new ErrorHandler());
    commandLine.setParameterExceptionHandler(new UsageErrorHandler());
    return commandLine;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
