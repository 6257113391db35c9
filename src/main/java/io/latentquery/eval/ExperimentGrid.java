package io.latentquery.eval;

import java.util.List;
import java.util.Locale;
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
      LOG.info(
          "{} of {} cells already stored in {}; skipping them",
          skipped,
          all.size(),
          store.folder());
    }
    int done = 0;
    long start = System.nanoTime();
    for (ExperimentCell cell : pending) {
      LOG.info("cell {} of {}: {}", skipped + done + 1, all.size(), cell.key());
      CellResult result = runner.run(cell);
      if (!cell.key().equals(result.key())) {
        throw new IllegalStateException(
            "the runner returned the result of " + result.key() + " for cell " + cell.key());
      }
      store.write(result);
      done++;
      double elapsed = (System.nanoTime() - start) / 1e9;
      double eta = elapsed / done * (pending.size() - done);
      LOG.info(
          "cell {} of {} done: {} accuracy {}; elapsed {}, ETA {}",
          skipped + done,
          all.size(),
          cell.key(),
          String.format(Locale.ROOT, "%.4f", result.accuracy()),
          duration(elapsed),
          done == pending.size() ? "-" : duration(eta));
    }
    return new Progress(all.size(), skipped, done);
  }

  /** {@code 1h02m}, {@code 3m05s} or {@code 12s}. */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
    return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
