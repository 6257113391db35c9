package io.latentquery.train;

import io.latentquery.InputException;
import io.latentquery.data.Dataset;
import io.latentquery.files.AtomicFiles;
import io.latentquery.files.Json;
import io.latentquery.model.Batch;
import io.latentquery.provenance.Provenance;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Trains an autoencoder on a pool of images into a run folder: seeded shuffling per epoch, Adam
 * steps, validation loss and an atomic checkpoint after every epoch, metrics.csv. A run stopped
 * after epoch k and resumed ends with exactly the weights of an uninterrupted run (with one
 * thread), because weights, optimizer state and every random draw are reproduced from the
 * checkpoint and (seed, epoch, step). A last batch smaller than the model's minimum batch size
 * (t-SNE kinds) joins the batch before it, for training and validation alike (see {@link
 * BatchBounds}). The learning rate follows the settings' schedule epoch by epoch.
 */
public final class Trainer {
  private static final Logger LOG = LogManager.getLogger(Trainer.class);

  /** What to do when the run folder already exists. */
  public enum Start {
    /** Refuse an existing run. */
    NEW,
    /** Continue from the last checkpoint (the stored settings must match, epochs may grow). */
    RESUME,
    /** Delete an existing run and start over. */
    REPLACE
  }

  private final TrainSettings settings;
  private final RunFolder run;
  private Supplier<Progress> progress = Progress::forEnvironment;

  public Trainer(TrainSettings settings, RunFolder run) {
    this.settings = settings;
    this.run = run;
  }

  /** Replaces the progress display (tests use a silent one). */
  public Trainer progress(Supplier<Progress> progress) {
    this.progress = progress;
    return this;
  }

  /**
   * Trains on {@code pool} and reports the loss on {@code validation} (may be empty) each epoch.
   *
   * @throws TrainingDivergedException when a loss becomes NaN or infinite; the last checkpoint
   *     stays
   * @throws InputException when the run exists and {@code start} is NEW, or a resumed run's
   *     settings or data differ
   */
  public TrainResult train(Dataset pool, Dataset validation, Start start) {
    if (!pool.shape().equals(settings.model().input())) {
      throw new InputException(
          "images are " + pool.shape() + " but the model expects " + settings.model().input());
    }
    int minimum = settings.model().minimumBatchSize();
    if (pool.size() < minimum) {
      throw new InputException(
          "the pool has "
              + pool.size()
              + " images, but a "
              + settings.model().kind()
              + " model needs batches of at least "
              + minimum
              + " (more images than the perplexity)");
    }
    String checksum = pool.checksum();
    CheckpointState state = prepareFolder(start, checksum);
    if (state.epoch() >= settings.epochs()) {
      LOG.info(
          "run {} already completed {} of {} epochs; nothing to train",
          run.path(),
          state.epoch(),
          settings.epochs());
      return new TrainResult(run, state.epoch(), Double.NaN, null);
    }
    try (TrainingSession session =
            new TrainingSession(
                settings.model(), settings.seed(), settings.learningRate(), settings.threads());
        Progress display = progress.get()) {
      if (state.epoch() > 0) {
        session.restore(run.variablesPrefix());
        LOG.info("resuming {} after epoch {} ({} steps)", run.path(), state.epoch(), state.steps());
      } else {
        session.initialize();
      }
      logDevices(session, pool);
      MetricsLog metrics = new MetricsLog(run.metrics(), session.termNames());
      metrics.loadUpTo(state.epoch());
      if (validation.size() == 0) {
        LOG.info("no validation images: validation_loss stays empty");
      }
      return loop(session, display, metrics, pool, validation, state);
    }
  }

  private TrainResult loop(
      TrainingSession session,
      Progress display,
      MetricsLog metrics,
      Dataset pool,
      Dataset validation,
      CheckpointState state) {
    long steps = state.steps();
    double trainLoss = Double.NaN;
    Double validationLoss = null;
    int terms = session.termNames().size();
    for (int epoch = state.epoch() + 1; epoch <= settings.epochs(); epoch++) {
      long started = System.nanoTime();
      int[] order = Seeds.epochOrder(settings.seed(), epoch, pool.size());
      double learningRate = settings.learningRate(epoch);
      if (learningRate != session.learningRate()) {
        LOG.info("learning rate {} from epoch {}", learningRate, epoch);
        session.learningRate(learningRate);
      }
      display.startEpoch(epoch, settings.epochs(), pool.size());
      double[] sums = new double[terms + 1];
      int[] bounds =
          BatchBounds.of(order.length, settings.batchSize(), settings.model().minimumBatchSize());
      for (int step = 1; step < bounds.length; step++) {
        int[] indices = Arrays.copyOfRange(order, bounds[step - 1], bounds[step]);
        Batch batch =
            new Batch(
                pool.batch(indices),
                indices.length,
                pool.shape(),
                true,
                Seeds.step(settings.seed(), epoch, step));
        StepLosses losses = session.train(batch);
        if (!losses.finite()) {
          display.endEpoch();
          throw diverged(losses, epoch, step, epoch - 1);
        }
        for (int i = 0; i <= terms; i++) {
          sums[i] += (double) losses.values()[i] * indices.length;
        }
        steps++;
        display.advance(indices.length, sums[0] / bounds[step]);
      }
      display.endEpoch();
      double seconds = (System.nanoTime() - started) / 1e9;
      trainLoss = sums[0] / order.length;
      validationLoss = validation.size() == 0 ? null : validate(session, validation, epoch);
      run.saveCheckpoint(session, new CheckpointState(epoch, steps));
      double[] termMeans = new double[terms];
      for (int i = 0; i < terms; i++) {
        termMeans[i] = sums[i + 1] / order.length;
      }
      metrics.append(
          new MetricsLog.Row(
              epoch, trainLoss, termMeans, validationLoss, seconds, order.length / seconds));
      LOG.info(
          String.format(
              Locale.ROOT,
              "epoch %d/%d: train loss %.5f, validation loss %s, %.1f s, %.0f images/s",
              epoch,
              settings.epochs(),
              trainLoss,
              validationLoss == null ? "-" : String.format(Locale.ROOT, "%.5f", validationLoss),
              seconds,
              order.length / seconds));
    }
    return new TrainResult(run, settings.epochs(), trainLoss, validationLoss);
  }

  private double validate(TrainingSession session, Dataset validation, int epoch) {
    double sum = 0;
    int[] bounds =
        BatchBounds.of(
            validation.size(), settings.batchSize(), settings.model().minimumBatchSize());
    for (int step = 1; step < bounds.length; step++) {
      int from = bounds[step - 1];
      int to = bounds[step];
      Batch batch =
          new Batch(
              validation.batch(from, to),
              to - from,
              validation.shape(),
              false,
              Seeds.step(settings.seed(), -epoch, step));
      StepLosses losses = session.evaluate(batch);
      if (!losses.finite()) {
        throw diverged(losses, epoch, step, epoch - 1);
      }
      sum += (double) losses.total() * (to - from);
    }
    return sum / validation.size();
  }

  private TrainingDivergedException diverged(StepLosses losses, int epoch, int step, int lastGood) {
    String what = Float.isNaN(losses.total()) ? "NaN" : "infinite";
    String kept =
        lastGood > 0
            ? "the last good checkpoint (epoch " + lastGood + ") is kept"
            : "no epoch completed, so there is no checkpoint";
    return new TrainingDivergedException(
        "loss became "
            + what
            + " at epoch "
            + epoch
            + ", step "
            + step
            + "; "
            + kept
            + "; try a lower --learning-rate");
  }

  /** Checks or creates the run folder and returns the state to start from. */
  private CheckpointState prepareFolder(Start start, String checksum) {
    if (run.exists() && start == Start.NEW) {
      throw new InputException(
          "run " + run.path() + " exists; use --resume to continue it or --force to replace it");
    }
    if (start == Start.REPLACE) {
      AtomicFiles.deleteQuietly(run.path());
    }
    if (start == Start.RESUME
        && run.exists()
        && java.nio.file.Files.isRegularFile(run.settings())) {
      TrainSettings stored = run.readSettings();
      Optional<CheckpointState> state = run.checkpointState();
      if (!stored.sameRunAs(settings, state.map(CheckpointState::epoch).orElse(0))) {
        throw new InputException(
            "cannot resume "
                + run.path()
                + ": its settings.json differs from these settings (only --epochs, --threads "
                + "and the learning rates of epochs not yet trained may change); use --force to "
                + "start over");
      }
      Provenance provenance = Json.read(run.provenance(), Provenance.class);
      if (!checksum.equals(provenance.dataChecksum())) {
        throw new InputException(
            "cannot resume "
                + run.path()
                + ": the data differ from those it was trained on (checksum "
                + checksum
                + ", run has "
                + provenance.dataChecksum()
                + ")");
      }
      Json.write(run.settings(), settings);
      if (state.isEmpty()) {
        LOG.info("run {} has no checkpoint yet; starting at epoch 1", run.path());
      }
      return state.orElse(new CheckpointState(0, 0));
    }
    if (start == Start.RESUME) {
      throw new InputException("nothing to resume: " + run.settings() + " is missing");
    }
    Json.write(run.settings(), settings);
    Json.write(
        run.provenance(),
        Provenance.builder("train")
            .settings(settings)
            .seed(settings.seed())
            .dataChecksum(checksum)
            .input(new Provenance.Input("data", settings.data().dataset(), checksum, null))
            .build());
    return new CheckpointState(0, 0);
  }

  private void logDevices(TrainingSession session, Dataset pool) {
    Batch blank =
        new Batch(
            new float[pool.shape().size()],
            1,
            pool.shape(),
            false,
            Seeds.step(settings.seed(), 0, 0));
    List<String> devices = session.devices(blank);
    LOG.info(
        "TensorFlow runs the training graph on {} ({} threads)",
        devices.isEmpty() ? "an unknown device" : String.join(", ", devices),
        settings.threads());
  }
}
