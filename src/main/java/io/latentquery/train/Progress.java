package io.latentquery.train;

import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Shows how an epoch advances: a progress bar with images/s, loss and ETA on a terminal, plain log
 * lines every few seconds otherwise (a log file or CI output should not fill with bars).
 */
public interface Progress extends AutoCloseable {

  /** Epoch {@code epoch} of {@code epochs} starts, over {@code images} images. */
  void startEpoch(int epoch, int epochs, long images);

  /** {@code images} more images were trained on; {@code loss} is the running mean. */
  void advance(long images, double loss);

  /** The epoch ended (its bar closes). */
  void endEpoch();

  @Override
  default void close() {
    endEpoch();
  }

  /** A bar when stderr is a terminal (System.console() is not null), log lines otherwise. */
  static Progress forEnvironment() {
    return System.console() != null ? new Bar() : new LogLines(Duration.ofSeconds(10));
  }

  /** The terminal progress bar. */
  final class Bar implements Progress {
    private ProgressBar bar;

    @Override
    public void startEpoch(int epoch, int epochs, long images) {
      endEpoch();
      bar =
          new ProgressBarBuilder()
              .setTaskName("epoch " + epoch + "/" + epochs)
              .setInitialMax(images)
              .setUnit(" img", 1)
              .showSpeed(new java.text.DecimalFormat("#"))
              .setStyle(ProgressBarStyle.ASCII)
              .setConsumer(new ConsoleProgressBarConsumer(System.err))
              .build();
    }

    @Override
    public void advance(long images, double loss) {
      bar.stepBy(images);
      bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f", loss));
    }

    @Override
    public void endEpoch() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }

  /** Periodic log lines with the same figures as the bar. */
  final class LogLines implements Progress {
    private static final Logger LOG = LogManager.getLogger(Progress.class);
    private final long intervalNanos;
    private String task;
    private long total;
    private long done;
    private long started;
    private long lastLine;

    public LogLines(Duration interval) {
      this.intervalNanos = interval.toNanos();
    }

    @Override
    public void startEpoch(int epoch, int epochs, long images) {
      task = "epoch " + epoch + "/" + epochs;
      total = images;
      done = 0;
      started = System.nanoTime();
      lastLine = started;
    }

    @Override
    public void advance(long images, double loss) {
      done += images;
      long now = System.nanoTime();
      if (now - lastLine >= intervalNanos) {
        lastLine = now;
        double seconds = (now - started) / 1e9;
        double rate = done / Math.max(seconds, 1e-9);
        long eta = Math.round((total - done) / Math.max(rate, 1e-9));
        LOG.info(
            String.format(
                Locale.ROOT,
                "%s: %d/%d images, loss %.4f, %.0f images/s, ETA %dm%02ds",
                task,
                done,
                total,
                loss,
                rate,
                eta / 60,
                eta % 60));
      }
    }

    @Override
    public void endEpoch() {}
  }
}
