package io.latentquery.cli;

import io.latentquery.data.DataCatalog;
import io.latentquery.eval.CellKey;
import io.latentquery.eval.CellResult;
import io.latentquery.eval.CellStore;
import io.latentquery.eval.ExperimentCell;
import io.latentquery.eval.ExperimentConfig;
import io.latentquery.eval.ExperimentGrid;
import io.latentquery.eval.ExperimentRunner;
import io.latentquery.eval.GridComparison;
import io.latentquery.eval.ResultsTable;
import io.latentquery.sampling.strategy.SelectionService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lq experiment ...}: the method's evaluation grid. */
@Command(
    name = "experiment",
    header = "Run experiment grids and tabulate their results.",
    description = "Experiment grids: datasets x autoencoders x strategies x budgets x seeds.",
    mixinStandardHelpOptions = true,
    subcommands = {
      ExperimentCommand.Run.class,
      ExperimentCommand.Table.class,
      ExperimentCommand.Compare.class
    })
final class ExperimentCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "run",
      header = "Run every cell of an experiment grid.",
      mixinStandardHelpOptions = true,
      description = {
        "Run the grid of CONFIG: check the whole config first (strategies and their options, model kinds,",
        "datasets, architectures); write a missing unbalanced dataset that has an 'unbalance' recipe; train",
        "each dataset x autoencoder once under RESULTS/runs (a finished run is reused), export it to",
        "RESULTS/savedmodels and encode the pool once; then for each cell select with the strategy (as",
        "lq sample does) and train and test the classifier (as lq evaluate does), writing one JSON file per",
        "cell. Stored cells are skipped, so an interrupted run resumes where it stopped."
      })
  static final class Run implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin VerboseMixin verbose;

    @Parameters(
        paramLabel = "CONFIG",
        description = "The experiment config (JSON), e.g. experiments/quick.json.")
    Path config;

    @Override
    public Integer call() {
      ExperimentConfig experiment = ExperimentConfig.load(config);
      ExperimentRunner runner =
          new ExperimentRunner(
              experiment, config, SelectionService.standard(), DataCatalog.standard());
      ExperimentGrid.Progress progress = runner.run();
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.println(
          progress.total()
              + " cells: "
              + progress.computed()
              + " computed now, "
              + progress.skipped()
              + " already stored in "
              + runner.store().folder()
              + "; see them with: lq experiment table "
              + config);
      return 0;
    }
  }

  @Command(
      name = "table",
      header = "Aggregate stored cell results into the method's table.",
      mixinStandardHelpOptions = true,
      description = {
        "Aggregate the stored cell results of CONFIG into the method's table: rows autoencoder x strategy,",
        "columns dataset x budget, test accuracy in percent as mean ± std over seeds. Writes table.md, table.csv",
        "and cells.csv. Cells not yet computed show '-'."
      })
  static final class Table implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin VerboseMixin verbose;

    @Parameters(
        paramLabel = "CONFIG",
        description = "The experiment config (JSON), e.g. experiments/quick.json.")
    Path config;

    @Option(
        names = "--results",
        paramLabel = "DIR",
        description = "The cell results folder (default: the config's 'results', or results/NAME).")
    Path results;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        description = "Where to write the table files (default: the results folder).")
    Path out;

    @Override
    public Integer call() {
      ExperimentConfig experiment =
          ExperimentConfig.load(config).validate(config.toString(), null, null);
      CellStore store = new CellStore(results != null ? results : experiment.resultsFolder());
      List<ExperimentCell> cells = experiment.cells();
      ResultsTable table =
          ResultsTable.of(
              experiment, store.readAll(cells.stream().map(ExperimentCell::key).toList()));
      Path target = out != null ? out : store.folder();
      table.write(target);
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.print(table.markdown());
      stdout.println();
      stdout.println(
          table.storedCells()
              + " of "
              + cells.size()
              + " cells stored in "
              + store.folder()
              + "; wrote "
              + target.resolve(ResultsTable.MARKDOWN)
              + ", "
              + ResultsTable.CSV
              + ", "
              + ResultsTable.CELLS_CSV);
      return 0;
    }
  }

  @Command(
      name = "compare",
      header = "Compare two grids cell by cell, paired by seed.",
      mixinStandardHelpOptions = true,
      description = {
        "Pair every cell stored by both OTHER and BASE (same dataset, autoencoder, strategy, budget and",
        "seed) and print OTHER minus BASE per row and column as a paired difference with its 95% interval.",
        "Two grids that differ only in the classifier or its recipe show what that change adds on the same",
        "selections. Writes compare__BASE__OTHER.md and .csv into OTHER's results folder."
      })
  static final class Compare implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin VerboseMixin verbose;

    @Parameters(index = "0", paramLabel = "BASE", description = "The base grid's config (JSON).")
    Path base;

    @Parameters(index = "1", paramLabel = "OTHER", description = "The other grid's config (JSON).")
    Path other;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        description = "Where to write the comparison files (default: OTHER's results folder).")
    Path out;

    @Override
    public Integer call() {
      ExperimentConfig baseConfig =
          ExperimentConfig.load(base).validate(base.toString(), null, null);
      ExperimentConfig otherConfig =
          ExperimentConfig.load(other).validate(other.toString(), null, null);
      GridComparison comparison =
          GridComparison.of(baseConfig, stored(baseConfig), otherConfig, stored(otherConfig));
      Path written = comparison.write(out != null ? out : otherConfig.resultsFolder());
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.print(comparison.markdown());
      stdout.println("wrote " + written + " and its .csv");
      return 0;
    }

    private static Map<CellKey, CellResult> stored(ExperimentConfig config) {
      return new CellStore(config.resultsFolder())
          .readAll(config.cells().stream().map(ExperimentCell::key).toList());
    }
  }
}
