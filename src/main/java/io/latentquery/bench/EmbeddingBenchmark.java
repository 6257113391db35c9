package io.latentquery.bench;

import io.latentquery.contract.SavedModelContract;
import io.latentquery.data.Dataset;
import io.latentquery.data.Split;
import io.latentquery.export.ExportSource;
import io.latentquery.export.SavedModelExporter;
import io.latentquery.inference.SavedModelEncoder;
import io.latentquery.inference.SignatureSpec;
import io.latentquery.model.ModelKind;
import io.latentquery.train.RunFolder;
import io.latentquery.train.TrainSettings;
import io.latentquery.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Measures the quality of one trained 2-D (or L-D) encoding as {@code lq bench embedding} reports
 * it: trains a model into a run folder (or reuses a completed run there with the same settings),
 * exports it, encodes the pool and the scored split with the exported encoder (the SavedModel a
 * user loads, so the figures are those of the shipped artefact), then computes the 1-NN accuracy of
 * the scored encodings against the labelled pool encodings and the trustworthiness at k on a seeded
 * subset of the scored split, with ranks in pixel space. Settings are tuned on the validation
 * split; the test split is scored once per final configuration.
 *
 * @param trustSubset scored examples the trustworthiness uses (all when the split is smaller)
 * @param k neighbourhood size of the trustworthiness
 * @param seed picks the trustworthiness subset
 */
public record EmbeddingBenchmark(int trustSubset, int k, long seed) {
  private static final Logger LOG = LogManager.getLogger(EmbeddingBenchmark.class);

  public EmbeddingBenchmark {
    if (trustSubset < 3 || k < 1) {
      throw new IllegalArgumentException(
          "trustworthiness subset must be >= 3 and k >= 1, got " + trustSubset + ", " + k);
    }
  }

  /**
   * The images of one measurement.
   *
   * @param pool labelled training images, also the 1-NN reference
   * @param trainingValidation validation images for the training loop (may be empty)
   * @param scored labelled images whose encodings are scored, from split {@code split}
   * @param split which split {@code scored} is: validation while tuning, test once at the end
   */
  public record Inputs(Dataset pool, Dataset trainingValidation, Dataset scored, Split split) {
    public Inputs {
      if (split != Split.VALIDATION && split != Split.TEST) {
        throw new IllegalArgumentException("--split must be validation or test, got " + split);
      }
    }
  }

  /**
   * One model's figures.
   *
   * @param kind the model kind
   * @param epochs epochs the run has completed
   * @param trainSeconds wall-clock seconds of training in this call (0 when the run was reused)
   * @param oneNnAccuracy 1-NN accuracy of the scored encodings against the pool encodings
   * @param trustworthiness T(k) on the scored subset
   * @param pool pool examples (the 1-NN reference)
   * @param split the split scored
   * @param scored examples of that split scored
   * @param trustSize examples in the trustworthiness subset
   */
  public record Result(
      ModelKind kind,
      int epochs,
      double trainSeconds,
      double oneNnAccuracy,
      double trustworthiness,
      int pool,
      Split split,
      int scored,
      int trustSize) {}

  /** Trains (or reuses) {@code run}, exports it to {@code run/export} and measures it. */
  public Result run(TrainSettings settings, RunFolder run, Inputs data) {
    Dataset pool = data.pool();
    Dataset scored = data.scored();
    if (!pool.hasLabels() || !scored.hasLabels()) {
      throw new io.latentquery.InputException(
          "the embedding benchmark needs labelled pool and " + data.split().label() + " images");
    }
    Trainer.Start start =
        Files.isRegularFile(run.settings()) ? Trainer.Start.RESUME : Trainer.Start.NEW;
    long started = System.nanoTime();
    new Trainer(settings, run).train(pool, data.trainingValidation(), start);
    double trainSeconds = (System.nanoTime() - started) / 1e9;
    Path export = run.path().resolve("export");
    new SavedModelExporter()
        .export(
            new ExportSource(
                settings.model(), run.variablesPrefix(), List.of(run.provenance(), run.settings())),
            export,
            true);
    int threads = settings.threads();
    int dim = settings.model().latentDim();
    double[] poolCodes;
    double[] scoredCodes;
    try (SavedModelEncoder encoder =
        SavedModelEncoder.open(
            export.resolve(SavedModelContract.ENCODER_DIR), SignatureSpec.encoder(), threads)) {
      poolCodes = encoder.encode(pool, SavedModelEncoder.DEFAULT_BATCH_SIZE, done -> {}).values();
      scoredCodes =
          encoder.encode(scored, SavedModelEncoder.DEFAULT_BATCH_SIZE, done -> {}).values();
    }
    double accuracy =
        EmbeddingQuality.oneNearestNeighbourAccuracy(
            poolCodes, labels(pool), scoredCodes, labels(scored), dim);
    int[] subset = subset(scored.size());
    double trust =
        EmbeddingQuality.trustworthiness(
            scored.batch(subset), scored.shape().size(), rows(scoredCodes, dim, subset), dim, k);
    int epochs = run.checkpointState().orElseThrow().epoch();
    LOG.info(
        "{} on the {} split: 1-NN accuracy {}, trustworthiness({}) {}",
        settings.model().kind(),
        data.split().label(),
        accuracy,
        k,
        trust);
    return new Result(
        settings.model().kind(),
        epochs,
        trainSeconds,
        accuracy,
        trust,
        pool.size(),
        data.split(),
        scored.size(),
        subset.length);
  }

  /** A seeded sample of min(trustSubset, size) indices, in increasing order. */
  int[] subset(int size) {
    int[] all = new int[size];
    for (int i = 0; i < size; i++) {
      all[i] = i;
    }
    int m = Math.min(trustSubset, size);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < m; i++) {
      int j = i + random.nextInt(size - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    int[] chosen = Arrays.copyOf(all, m);
    Arrays.sort(chosen);
    return chosen;
  }

  private static int[] labels(Dataset data) {
    int[] labels = new int[data.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = data.label(i);
    }
    return labels;
  }

  private static double[] rows(double[] values, int dim, int[] indices) {
    double[] out = new double[indices.length * dim];
    for (int r = 0; r < indices.length; r++) {
      System.arraycopy(values, indices[r] * dim, out, r * dim, dim);
    }
    return out;
  }
}
