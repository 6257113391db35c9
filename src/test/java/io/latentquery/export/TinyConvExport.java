package io.latentquery.export;

import io.latentquery.TestData;
import io.latentquery.contract.SavedModelContract;
import io.latentquery.data.Dataset;
import io.latentquery.model.AutoencoderConfig;
import io.latentquery.model.Batch;
import io.latentquery.train.Seeds;
import io.latentquery.train.TrainingSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A small convolutional autoencoder trained a few steps on 64 MNIST images, then exported. */
public final class TinyConvExport {
  private TinyConvExport() {}

  /** MNIST-shaped, filters 4 and 6, two convolutions per level, latent dimension 2. */
  public static AutoencoderConfig config() {
    return AutoencoderConfig.preset("small", TestData.mnistPool(1).shape())
        .latentDim(2)
        .filters(List.of(4, 6))
        .convolutionsPerLevel(2)
        .build();
  }

  /** Trains {@link #config()} three steps, exports it under {@code dir}; the encoder folder. */
  public static Path encoder(Path dir) throws IOException {
    Dataset images = TestData.mnistPool(64);
    AutoencoderConfig config = config();
    Path checkpoint = dir.resolve("checkpoint/variables");
    try (TrainingSession session = new TrainingSession(config, 7, 1e-3, 1)) {
      session.initialize();
      for (int step = 1; step <= 3; step++) {
        session.train(
            new Batch(images.batch(0, 64), 64, images.shape(), true, Seeds.step(7, 1, step)));
      }
      Files.createDirectories(checkpoint.getParent());
      session.save(checkpoint);
    }
    Path export = dir.resolve("savedmodels/tiny");
    new SavedModelExporter().export(new ExportSource(config, checkpoint, List.of()), export, false);
    return export.resolve(SavedModelContract.ENCODER_DIR);
  }
}
