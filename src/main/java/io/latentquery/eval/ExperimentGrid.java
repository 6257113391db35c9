package io.latentquery.eval;

import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs the cells of a validated config that have no stored result, storing each as soon as it is
 * computed: an interrupted run resumes where it stopped and finished cells are never recomputed.
 */
public final class ExperimentGrid {
  private static final Logger LOG = LogManager.getLogger(ExperimentGrid.class);

  private final ExperimentConfig config;
  private final CellStore store;

  /** How a run went: cells in the grid, skipped because stored, and computed now. */
  public record Progress(int total, int skipped, int computed) {}

  public ExperimentGrid(ExperimentConfig config, CellStore store) {
    this.config = config;
    this.store = store;
  }

  /** The cells still to compute, in grid order. */
  public List<ExperimentCell> pending() {
    return config.cells().stream().filter(cell -> !store.contains(cell.key())).toList();
  }

  public Progress run(CellRunner runner) {
    List<ExperimentCell> all = config.cells();
    List<ExperimentCell> pending = pending();
    int skipped = all.size() - pending.size();
    if (skipped > 0) {
      LOG.info("{} of {} cells already stored in {}; skipping them", skipped, all.size(), store.folder());
    }
    int done = 0;
    for (ExperimentCell cell : pending) {
      LOG.info("cell {}/{}: {}", skipped + done + 1, all.size(), cell.key());
      CellResult result = runner.run(cell);
      if (!cell.key().equals(result.key())) {
        throw new IllegalStateException("the runner returned the result of " + result.key() + " for cell " + cell.key());
      }
      store.write(result);
      done++;
      LOG.info("cell {}: accuracy {}", cell.key(), String.format(java.util.Locale.ROOT, "%.4f", result.accuracy()));
    }
    return new Progress(all.size(), skipped, done);
  }
}
