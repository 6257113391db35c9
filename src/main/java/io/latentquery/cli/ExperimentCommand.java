package io.latentquery.cli;

import io.latentquery.eval.CellStore;
import io.latentquery.eval.ExperimentCell;
import io.latentquery.eval.ExperimentConfig;
import io.latentquery.eval.ResultsTable;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lq experiment ...}: the method's evaluation grid. */
@Command(
    name = "experiment",
    description = "Experiment grids: datasets x autoencoders x strategies x budgets x seeds.",
    mixinStandardHelpOptions = true,
    subcommands = {ExperimentCommand.Table.class})
final class ExperimentCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "table",
      mixinStandardHelpOptions = true,
      description = {
        "Aggregate the stored cell results of CONFIG into the method's table: rows autoencoder x strategy,",
        "columns dataset x budget, test accuracy in percent as mean ± std over seeds. Writes table.md, table.csv",
        "and cells.csv. Cells not yet computed show '-'."
      })
  static final class Table implements Callable<Integer> {
    @Mixin VerboseMixin verbose;

    @Parameters(paramLabel = "CONFIG", description = "The experiment config (JSON), e.g. experiments/quick.json.")
    Path config;

    @Option(names = "--results", paramLabel = "DIR", description = "The cell results folder (default: the config's 'results', or results/NAME).")
    Path results;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the table files (default: the results folder).")
    Path out;

    @Override
    public Integer call() {
      ExperimentConfig experiment = ExperimentConfig.load(config).validate(config.toString(), null, null);
      CellStore store = new CellStore(results != null ? results : experiment.resultsFolder());
      List<ExperimentCell> cells = experiment.cells();
      ResultsTable table = ResultsTable.of(experiment, store.readAll(cells.stream().map(ExperimentCell::key).toList()));
      Path target = out != null ? out : store.folder();
      table.write(target);
      System.out.print(table.markdown());
      System.out.println();
      System.out.println(
          table.storedCells() + " of " + cells.size() + " cells stored in " + store.folder() + "; wrote "
              + target.resolve(ResultsTable.MARKDOWN) + ", " + ResultsTable.CSV + ", " + ResultsTable.CELLS_CSV);
      return 0;
    }
  }
}
