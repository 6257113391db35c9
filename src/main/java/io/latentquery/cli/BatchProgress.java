package io.latentquery.cli;

import io.latentquery.sampling.job.ProgressDisplay;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Progress through N examples: a progress bar with rate and ETA on a terminal, a log line about
 * every tenth of the way otherwise (so logs and CI output stay readable).
 */
final class BatchProgress implements ProgressDisplay.Task {
  private static final Logger LOG = LogManager.getLogger(BatchProgress.class);

  private final String task;
  private final int total;
  private final ProgressBar bar;
  private long nextLog;

  private BatchProgress(String task, int total, ProgressBar bar) {
    this.task = task;
    this.total = total;
    this.bar = bar;
    this.nextLog = Math.max(1, total / 10);
  }

  static BatchProgress start(String task, int total) {
    ProgressBar bar =
        System.console() == null
            ? null
            : new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" examples", 1)
                .showSpeed()
                .build();
    return new BatchProgress(task, total, bar);
  }

  @Override
  public void accept(int done) {
    if (bar != null) {
      bar.stepTo(done);
    } else if (done >= nextLog || done == total) {
      LOG.info(
          "{}: {} of {} examples ({}%)", task, done, total, total == 0 ? 100 : 100L * done / total);
      nextLog = done + Math.max(1, total / 10);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
