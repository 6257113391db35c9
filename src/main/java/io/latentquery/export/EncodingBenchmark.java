package io.latentquery.export;

import io.latentquery.contract.SavedModelContract;
import io.latentquery.data.Dataset;
import io.latentquery.files.AtomicFiles;
import io.latentquery.inference.Encodings;
import io.latentquery.inference.SavedModelEncoder;
import io.latentquery.inference.SignatureSpec;
import io.latentquery.model.AutoencoderConfig;
import io.latentquery.train.TrainingSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Measures {@code lq encode}: a freshly initialised model of {@code config} is exported, and its
 * encoder SavedModel encodes {@code images} batch by batch through the same code {@code lq encode}
 * runs. The weights are untrained, which does not change the work per image.
 *
 * @param config the architecture to export
 * @param batchSize images per encoder call
 * @param threads TensorFlow intra-op threads
 */
public record EncodingBenchmark(AutoencoderConfig config, int batchSize, int threads) {
  public EncodingBenchmark {
    if (batchSize < 1) {
      throw new io.latentquery.SettingException("batchSize", "must be >= 1, got " + batchSize);
    }
    if (threads < 1) {
      throw new io.latentquery.SettingException("threads", "must be >= 1, got " + threads);
    }
  }

  /** What one run measured. */
  public record Result(int images, int latentDim, double seconds) {
    public double imagesPerSecond() {
      return images / seconds;
    }
  }

  /** Exports into a temporary folder, encodes {@code images} and deletes the folder. */
  public Result run(Dataset images, IntConsumer progress) {
    if (!images.shape().equals(config.input())) {
      throw new IllegalArgumentException(
          "images are " + images.shape() + " but the model takes " + config.input());
    }
    Path work = null;
    try {
      work = Files.createTempDirectory("lq-encode-bench");
      Path checkpoint = work.resolve("checkpoint/variables");
      Files.createDirectories(checkpoint.getParent());
      try (TrainingSession session = new TrainingSession(config, 1, 1e-3, threads)) {
        session.initialize();
        session.save(checkpoint);
      }
      Path export = work.resolve("export");
      new SavedModelExporter()
          .export(new ExportSource(config, checkpoint, List.of()), export, false);
      try (SavedModelEncoder encoder =
          SavedModelEncoder.open(
              export.resolve(SavedModelContract.ENCODER_DIR), SignatureSpec.encoder(), threads)) {
        long start = System.nanoTime();
        Encodings encodings = encoder.encode(images, batchSize, progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(encodings.count(), encodings.dim(), seconds);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      AtomicFiles.deleteQuietly(work);
    }
  }
}
