package io.latentquery.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.TestData;
import io.latentquery.contract.SavedModelContract;
import io.latentquery.data.Dataset;
import io.latentquery.export.ExportSource;
import io.latentquery.export.SavedModelExporter;
import io.latentquery.train.Seeds;
import io.latentquery.train.StepLosses;
import io.latentquery.train.TrainingSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.types.TFloat32;

/**
 * Each new kind, small preset on 500 MNIST images: the loss falls within 100 Adam steps, and the
 * exported SavedModels reproduce the training process (encoder mu, and latent_logvar for the
 * variational kinds; decoder and autoencoder agree with each other).
 */
class AutoencoderKindsTest {
  private static final int STEPS = 100;
  private static final int BATCH = 64;

  @TempDir Path temp;

  private static Batch evaluationBatch(Dataset images) {
    return new Batch(images.batch(0, 128), 128, images.shape(), false, Seeds.step(7, 0, 0));
  }

  @ParameterizedTest
  @EnumSource(
      value = ModelKind.class,
      names = {"VAE", "TSNE", "VTSNE"})
  void lossFallsAndExportReproducesTheTrainingProcess(ModelKind kind) throws IOException {
    Dataset images = TestData.mnistPool(500);
    AutoencoderConfig config = AutoencoderConfig.preset("small", images.shape()).kind(kind).build();
    Path checkpoint = temp.resolve("checkpoint/variables");
    float[] pixels = images.batch(0, 8);
    Map<String, float[]> trained;
    try (TrainingSession session = new TrainingSession(config, 3, 1e-3, 2)) {
      session.initialize();
      List<String> expectedTerms =
          kind == ModelKind.VAE
              ? List.of("reconstruction", "kl")
              : kind == ModelKind.TSNE
                  ? List.of("reconstruction", "tsne")
                  : List.of("reconstruction", "kl", "tsne");
      assertEquals(expectedTerms, session.termNames());
      StepLosses before = session.evaluate(evaluationBatch(images));
      int[] order = Seeds.epochOrder(3, 1, images.size());
      for (int step = 1; step <= STEPS; step++) {
        int from = (step - 1) * BATCH % images.size();
        int[] indices = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
          indices[i] = order[(from + i) % order.length];
        }
        StepLosses losses =
            session.train(
                new Batch(
                    images.batch(indices), BATCH, images.shape(), true, Seeds.step(3, 1, step)));
        assertTrue(losses.finite(), "step " + step);
      }
      StepLosses after = session.evaluate(evaluationBatch(images));
      assertTrue(
          after.total() < 0.8 * before.total(),
          kind + ": loss " + before.total() + " -> " + after.total());
      assertTrue(
          after.term(0) < before.term(0),
          kind + ": reconstruction " + before.term(0) + " -> " + after.term(0));
      float sum = 0;
      for (int i = 0; i < expectedTerms.size(); i++) {
        sum += after.term(i);
      }
      assertEquals(after.total(), sum, 1e-5f, "the total is the sum of the terms");
      if (kind.tsne()) {
        int tsne = expectedTerms.indexOf("tsne");
        assertTrue(
            after.term(tsne) < before.term(tsne),
            kind + ": t-SNE term " + before.term(tsne) + " -> " + after.term(tsne));
      }
      Files.createDirectories(checkpoint.getParent());
      session.save(checkpoint);
      trained = session.outputs(new Batch(pixels, 8, images.shape(), false, Seeds.step(3, 0, 0)));
    }
    Path export = temp.resolve("export");
    new SavedModelExporter().export(new ExportSource(config, checkpoint, List.of()), export, false);
    for (String model :
        List.of(
            SavedModelContract.ENCODER_DIR,
            SavedModelContract.DECODER_DIR,
            SavedModelContract.AUTOENCODER_DIR)) {
      assertEquals(
          java.util.Set.of(),
          io.latentquery.inference.ModelGuard.refusedOps(export.resolve(model)),
          kind + " " + model + " passes the SavedModel guard");
    }

    long[] imageShape = images.shape().batchShape(8);
    Map<String, float[]> encoded =
        call(
            export,
            SavedModelContract.ENCODER_DIR,
            SavedModelContract.IMAGE,
            pixels,
            imageShape,
            SavedModelContract.LATENT,
            SavedModelContract.LATENT_LOGVAR);
    assertArrayEquals(
        trained.get(SavedModelContract.LATENT), encoded.get(SavedModelContract.LATENT), 1e-5f);
    assertEquals(kind.variational(), encoded.containsKey(SavedModelContract.LATENT_LOGVAR));
    if (kind.variational()) {
      assertArrayEquals(
          trained.get(SavedModelContract.LATENT_LOGVAR),
          encoded.get(SavedModelContract.LATENT_LOGVAR),
          1e-5f);
    }
    float[] decoded =
        call(
                export,
                SavedModelContract.DECODER_DIR,
                SavedModelContract.LATENT,
                encoded.get(SavedModelContract.LATENT),
                new long[] {8, 2},
                SavedModelContract.IMAGE)
            .get(SavedModelContract.IMAGE);
    float[] reconstruction =
        call(
                export,
                SavedModelContract.AUTOENCODER_DIR,
                SavedModelContract.IMAGE,
                pixels,
                imageShape,
                SavedModelContract.RECONSTRUCTION)
            .get(SavedModelContract.RECONSTRUCTION);
    assertEquals(pixels.length, reconstruction.length);
    assertArrayEquals(decoded, reconstruction, 1e-5f, "the autoencoder decodes the mean");
    if (!kind.variational()) {
      assertArrayEquals(trained.get(SavedModelContract.RECONSTRUCTION), reconstruction, 1e-5f);
    }
  }

  /** Runs one exported model on {@code values}; outputs its signature lacks are left out. */
  private static Map<String, float[]> call(
      Path export, String model, String input, float[] values, long[] shape, String... outputs) {
    try (SavedModelBundle bundle =
        SavedModelBundle.load(export.resolve(model).toString(), SavedModelContract.TAG)) {
      Signature signature = bundle.function(SavedModelContract.SIGNATURE).signature();
      Map<String, float[]> fetched = new java.util.LinkedHashMap<>();
      try (TFloat32 tensor = Tensors.of(shape, values)) {
        for (String output : outputs) {
          if (!signature.getOutputs().containsKey(output)) {
            continue;
          }
          try (Result result =
              bundle
                  .session()
                  .runner()
                  .feed(signature.getInputs().get(input).name, tensor)
                  .fetch(signature.getOutputs().get(output).name)
                  .run()) {
            fetched.put(output, Tensors.read((TFloat32) result.get(0)));
          }
        }
      }
      assertFalse(fetched.isEmpty(), "no outputs");
      return fetched;
    }
  }
}
