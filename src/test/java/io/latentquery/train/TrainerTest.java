package io.latentquery.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.InputException;
import io.latentquery.TestData;
import io.latentquery.data.DataRequest;
import io.latentquery.data.Dataset;
import io.latentquery.data.ImageShape;
import io.latentquery.model.AutoencoderConfig;
import io.latentquery.model.ModelKind;
import io.latentquery.model.loss.TsneSettings;
import io.latentquery.model.loss.VariationalSettings;
import io.latentquery.provenance.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
  @TempDir Path temp;

  /** A tiny model: seconds per run on one thread. */
  private static TrainSettings tiny(int epochs, double dropout) {
    AutoencoderConfig config =
        AutoencoderConfig.preset("small", new ImageShape(28, 28, 1))
            .filters(List.of(4, 4))
            .denseWidths(List.of(16))
            .dropout(dropout)
            .build();
    return TrainSettings.builder(config, DataRequest.of("mnist"))
        .limit(96)
        .epochs(epochs)
        .batchSize(32)
        .seed(11)
        .threads(1)
        .build();
  }

  private static Map<String, float[]> checkpointWeights(TrainSettings settings, RunFolder run) {
    try (TrainingSession session = new TrainingSession(settings.model(), 0, 1e-3, 1)) {
      session.restore(run.variablesPrefix());
      return session.weights();
    }
  }

  /** Throws when epoch {@code stopAt} starts, as an interruption would. */
  private static Progress interruptAt(int stopAt) {
    return new Progress() {
      @Override
      public void startEpoch(int epoch, int epochs, long images) {
        if (epoch == stopAt) {
          throw new IllegalStateException("interrupted");
        }
      }

      @Override
      public void advance(long images, double loss) {}

      @Override
      public void endEpoch() {}
    };
  }

  @Test
  void resumedRunEndsWithTheWeightsOfAnUninterruptedOne() throws Exception {
    TrainSettings settings = tiny(3, 0.25);
    Dataset pool = TestData.mnistPool(96);
    Dataset validation = TestData.mnistTest(40);

    RunFolder straight = new RunFolder(temp.resolve("straight"));
    new Trainer(settings, straight).train(pool, validation, Trainer.Start.NEW);

    RunFolder interrupted = new RunFolder(temp.resolve("interrupted"));
    assertThrows(
        IllegalStateException.class,
        () ->
            new Trainer(settings, interrupted)
                .progress(() -> interruptAt(3))
                .train(pool, validation, Trainer.Start.NEW));
    assertEquals(2, interrupted.checkpointState().orElseThrow().epoch());
    TrainResult resumed =
        new Trainer(settings, interrupted).train(pool, validation, Trainer.Start.RESUME);
    assertEquals(3, resumed.epochs());
    assertEquals(new CheckpointState(3, 9), interrupted.checkpointState().orElseThrow());

    Map<String, float[]> expected = checkpointWeights(settings, straight);
    Map<String, float[]> actual = checkpointWeights(settings, interrupted);
    assertEquals(expected.keySet(), actual.keySet());
    for (String name : expected.keySet()) {
      assertArrayEquals(expected.get(name), actual.get(name), 1e-6f, name);
    }
    List<String> straightMetrics = Files.readAllLines(straight.metrics());
    List<String> resumedMetrics = Files.readAllLines(interrupted.metrics());
    assertEquals(4, resumedMetrics.size(), String.join("\n", resumedMetrics));
    assertEquals(
        "epoch,train_loss,reconstruction,validation_loss,seconds,images_per_second",
        resumedMetrics.get(0));
    for (int i = 1; i < 4; i++) {
      assertEquals(lossColumns(straightMetrics.get(i)), lossColumns(resumedMetrics.get(i)));
    }
    assertTrue(Files.isRegularFile(interrupted.provenance()));
    assertEquals(settings, interrupted.readSettings());
    Provenance provenance = Provenance.read(interrupted.provenance());
    assertEquals(
        List.of(
            new Provenance.Input(
                "data", settings.data().dataset(), provenance.dataChecksum(), null)),
        provenance.inputs());
  }

  /**
   * A one-epoch run resumed for a second epoch at a lower rate ends with the weights of a run
   * trained from scratch with that schedule, and not with those of a constant rate.
   */
  @Test
  void learningRateChangedOnResumeEqualsTheScheduleFromScratch() throws Exception {
    TrainSettings constant = tiny(2, 0);
    TrainSettings schedule = constant.toBuilder().learningRateFrom(Map.of(2, 1e-4)).build();
    Dataset pool = TestData.mnistPool(96);
    Dataset none = pool.slice("empty", 0, 0);

    RunFolder straight = new RunFolder(temp.resolve("schedule"));
    new Trainer(schedule, straight).train(pool, none, Trainer.Start.NEW);
    RunFolder flat = new RunFolder(temp.resolve("constant"));
    new Trainer(constant, flat).train(pool, none, Trainer.Start.NEW);
    RunFolder resumed = new RunFolder(temp.resolve("resumed"));
    new Trainer(constant.toBuilder().epochs(1).build(), resumed)
        .train(pool, none, Trainer.Start.NEW);
    new Trainer(schedule, resumed).train(pool, none, Trainer.Start.RESUME);

    assertEquals(schedule, resumed.readSettings());
    Map<String, float[]> expected = checkpointWeights(schedule, straight);
    Map<String, float[]> actual = checkpointWeights(schedule, resumed);
    Map<String, float[]> other = checkpointWeights(constant, flat);
    float difference = 0;
    for (String name : expected.keySet()) {
      assertArrayEquals(expected.get(name), actual.get(name), 1e-6f, name);
      for (int i = 0; i < expected.get(name).length; i++) {
        difference = Math.max(difference, Math.abs(expected.get(name)[i] - other.get(name)[i]));
      }
    }
    assertTrue(difference > 1e-4f, "the lower second-epoch rate changed nothing: " + difference);

    var e =
        assertThrows(
            InputException.class,
            () ->
                new Trainer(
                        schedule.toBuilder().epochs(3).learningRateFrom(Map.of(2, 1e-3)).build(),
                        resumed)
                    .train(pool, none, Trainer.Start.RESUME));
    assertTrue(e.getMessage().contains("epochs not yet trained"), e.getMessage());
  }

  /**
   * vtsne draws noise and feeds t-SNE affinities every step; 100 pool images in batches of 32 with
   * perplexity 5 (minimum batch 6) end in a batch of 4 that joins the one before it, and the 40
   * validation images split 32 + 8.
   */
  @Test
  void variationalTsneRunResumesExactly() throws Exception {
    AutoencoderConfig config =
        AutoencoderConfig.preset("small", new ImageShape(28, 28, 1))
            .kind(ModelKind.VTSNE)
            .filters(List.of(4, 4))
            .denseWidths(List.of(16))
            .variational(new VariationalSettings(2))
            .tsne(new TsneSettings(5, 1, 0.5))
            .build();
    TrainSettings settings =
        TrainSettings.builder(config, DataRequest.of("mnist"))
            .limit(100)
            .epochs(2)
            .batchSize(32)
            .seed(5)
            .threads(1)
            .build();
    Dataset pool = TestData.mnistPool(100);
    Dataset validation = TestData.mnistTest(40);

    RunFolder straight = new RunFolder(temp.resolve("vtsne-straight"));
    new Trainer(settings, straight).train(pool, validation, Trainer.Start.NEW);
    RunFolder interrupted = new RunFolder(temp.resolve("vtsne-interrupted"));
    assertThrows(
        IllegalStateException.class,
        () ->
            new Trainer(settings, interrupted)
                .progress(() -> interruptAt(2))
                .train(pool, validation, Trainer.Start.NEW));
    new Trainer(settings, interrupted).train(pool, validation, Trainer.Start.RESUME);
    assertEquals(new CheckpointState(2, 6), interrupted.checkpointState().orElseThrow());

    Map<String, float[]> expected = checkpointWeights(settings, straight);
    Map<String, float[]> actual = checkpointWeights(settings, interrupted);
    for (String name : expected.keySet()) {
      assertArrayEquals(expected.get(name), actual.get(name), 1e-6f, name);
    }
    List<String> metrics = Files.readAllLines(interrupted.metrics());
    assertEquals(
        "epoch,train_loss,reconstruction,kl,tsne,validation_loss,seconds,images_per_second",
        metrics.get(0));
    List<String> straightMetrics = Files.readAllLines(straight.metrics());
    for (int i = 1; i < 3; i++) {
      String[] cells = metrics.get(i).split(",");
      assertEquals(
          String.join(",", List.of(straightMetrics.get(i).split(",")).subList(0, 6)),
          String.join(",", List.of(cells).subList(0, 6)));
      double sum =
          Double.parseDouble(cells[2])
              + Double.parseDouble(cells[3])
              + Double.parseDouble(cells[4]);
      assertEquals(Double.parseDouble(cells[1]), sum, 1e-5, "terms sum to the train loss");
    }
    assertEquals(settings, interrupted.readSettings());
  }

  @Test
  void tsnePoolSmallerThanTheMinimumBatchIsRefused() {
    AutoencoderConfig config =
        AutoencoderConfig.preset("small", new ImageShape(28, 28, 1)).kind(ModelKind.TSNE).build();
    TrainSettings settings =
        TrainSettings.builder(config, DataRequest.of("mnist"))
            .epochs(1)
            .batchSize(64)
            .threads(1)
            .build();
    Dataset pool = TestData.mnistPool(20);
    var e =
        assertThrows(
            InputException.class,
            () ->
                new Trainer(settings, new RunFolder(temp.resolve("small-pool")))
                    .train(pool, pool.slice("none", 0, 0), Trainer.Start.NEW));
    assertEquals(
        "the pool has 20 images, but a tsne model needs batches of at least 31 (more images than the perplexity)",
        e.getMessage());
  }

  @Test
  void tsneBatchSizeIsCheckedAgainstThePerplexity() {
    AutoencoderConfig config =
        AutoencoderConfig.preset("small", new ImageShape(28, 28, 1)).kind(ModelKind.TSNE).build();
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TrainSettings.builder(config, DataRequest.of("mnist")).batchSize(30).build());
    assertTrue(
        e.getMessage().startsWith("perplexity 30 must be smaller than the batch size 30"),
        e.getMessage());
  }

  private static String lossColumns(String row) {
    String[] cells = row.split(",");
    return String.join(",", List.of(cells).subList(0, 4));
  }

  @Test
  void nanLossStopsWithOneLineAndKeepsTheLastCheckpoint() throws Exception {
    TrainSettings settings = tiny(3, 0);
    Dataset pool = poisonedAfter(TestData.mnistPool(96), 96);
    RunFolder run = new RunFolder(temp.resolve("nan"));
    var e =
        assertThrows(
            TrainingDivergedException.class,
            () ->
                new Trainer(settings, run)
                    .train(
                        pool, TestData.mnistTest(0 + 1).slice("empty", 0, 0), Trainer.Start.NEW));
    assertEquals(
        "loss became NaN at epoch 2, step 1; the last good checkpoint (epoch 1) is kept; try a lower --learning-rate",
        e.getMessage());
    assertEquals(1, run.checkpointState().orElseThrow().epoch());
    assertFalse(checkpointWeights(settings, run).isEmpty());
    assertEquals(2, Files.readAllLines(run.metrics()).size());
    assertTrue(Files.readAllLines(run.metrics()).get(1).contains(",,"), "empty validation_loss");
  }

  @Test
  void existingRunIsRefusedWithoutResumeOrForce() {
    TrainSettings settings = tiny(1, 0);
    Dataset pool = TestData.mnistPool(32);
    Dataset none = pool.slice("empty", 0, 0);
    RunFolder run = new RunFolder(temp.resolve("existing"));
    new Trainer(settings, run).train(pool, none, Trainer.Start.NEW);
    var e =
        assertThrows(
            InputException.class,
            () -> new Trainer(settings, run).train(pool, none, Trainer.Start.NEW));
    assertTrue(
        e.getMessage().contains("--resume") && e.getMessage().contains("--force"), e.getMessage());

    TrainSettings other = settings.toBuilder().seed(12).build();
    e =
        assertThrows(
            InputException.class,
            () -> new Trainer(other, run).train(pool, none, Trainer.Start.RESUME));
    assertTrue(e.getMessage().contains("settings.json differs"), e.getMessage());

    new Trainer(other, run).train(pool, none, Trainer.Start.REPLACE);
    assertEquals(12, run.readSettings().seed());
  }

  /** {@code dataset}, whose images turn to NaN after {@code goodCopies} image reads. */
  private static Dataset poisonedAfter(Dataset dataset, int goodCopies) {
    AtomicInteger copies = new AtomicInteger();
    return new Dataset() {
      @Override
      public String name() {
        return dataset.name();
      }

      @Override
      public ImageShape shape() {
        return dataset.shape();
      }

      @Override
      public int size() {
        return dataset.size();
      }

      @Override
      public void copyImage(int index, float[] dest, int offset) {
        dataset.copyImage(index, dest, offset);
        if (copies.incrementAndGet() > goodCopies) {
          dest[offset] = Float.NaN;
        }
      }

      @Override
      public String id(int index) {
        return dataset.id(index);
      }

      @Override
      public boolean hasLabels() {
        return false;
      }

      @Override
      public int label(int index) {
        throw new UnsupportedOperationException();
      }

      @Override
      public List<String> classNames() {
        return List.of();
      }

      @Override
      public String checksum() {
        return dataset.checksum();
      }
    };
  }
}
