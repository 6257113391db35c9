package io.latentquery.export;

import io.latentquery.InputException;
import io.latentquery.contract.SavedModelContract;
import io.latentquery.data.ImageShape;
import io.latentquery.files.AtomicFiles;
import io.latentquery.model.AutoencoderConfig;
import io.latentquery.model.AutoencoderModel;
import io.latentquery.model.ModelContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Writes a trained model as three SavedModels under one folder: {@code encoder} (image -> latent [,
 * latent_logvar]), {@code decoder} (latent -> image) and {@code autoencoder} (image ->
 * reconstruction, error), each with signature {@code serving_default} and tag {@code serve}, with
 * the run's provenance and settings beside them.
 *
 * <p>Each SavedModel comes from a clean inference graph: the model is rebuilt without loss or
 * optimizer and its weights are restored from the checkpoint by name, so no optimizer state is
 * exported. The folder is built in a temporary sibling and renamed into place.
 */
public final class SavedModelExporter {
  private static final Logger LOG = LogManager.getLogger(SavedModelExporter.class);

  /**
   * Exports {@code source} to {@code target}.
   *
   * @param replace replace an existing {@code target}; without it an existing one is an error
   * @throws InputException when {@code target} exists and {@code replace} is false, or the
   *     checkpoint is missing
   */
  public void export(ExportSource source, Path target, boolean replace) {
    Path index =
        source
            .checkpointPrefix()
            .resolveSibling(source.checkpointPrefix().getFileName() + ".index");
    if (!Files.isRegularFile(index)) {
      throw new InputException("missing checkpoint " + index + "; train the model first");
    }
    if (Files.exists(target) && !replace) {
      throw new InputException("export " + target + " exists; use --force to replace it");
    }
    try {
      AtomicFiles.writeFolder(target, replace, folder -> write(source, folder));
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof FileAlreadyExistsException) {
        throw new InputException("export " + target + " exists; use --force to replace it", e);
      }
      throw e;
    }
    LOG.info("exported {} (encoder, decoder, autoencoder)", target);
  }

  private void write(ExportSource source, Path folder) throws IOException {
    AutoencoderConfig config = source.config();
    AutoencoderModel model = config.kind().create(config);
    String prefix = source.checkpointPrefix().toString();
    exportGraph(
        folder.resolve(SavedModelContract.ENCODER_DIR),
        prefix,
        (tf, signature) -> {
          Placeholder<TFloat32> image = imageInput(tf, config.input());
          signature.input(SavedModelContract.IMAGE, image);
          for (Map.Entry<String, Operand<TFloat32>> output :
              model.encode(tf, ModelContext.inference(), image).entrySet()) {
            signature.output(
                output.getKey(), tf.withName(output.getKey()).identity(output.getValue()));
          }
        });
    exportGraph(
        folder.resolve(SavedModelContract.DECODER_DIR),
        prefix,
        (tf, signature) -> {
          Placeholder<TFloat32> latent =
              tf.withName(SavedModelContract.LATENT)
                  .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, config.latentDim())));
          signature.input(SavedModelContract.LATENT, latent);
          Operand<TFloat32> image = model.decode(tf, ModelContext.inference(), latent);
          signature.output(
              SavedModelContract.IMAGE, tf.withName(SavedModelContract.IMAGE).identity(image));
        });
    exportGraph(
        folder.resolve(SavedModelContract.AUTOENCODER_DIR),
        prefix,
        (tf, signature) -> {
          Placeholder<TFloat32> image = imageInput(tf, config.input());
          signature.input(SavedModelContract.IMAGE, image);
          ModelContext context = ModelContext.inference();
          Operand<TFloat32> latent =
              model.encode(tf, context, image).get(SavedModelContract.LATENT);
          Operand<TFloat32> reconstruction =
              tf.withName(SavedModelContract.RECONSTRUCTION)
                  .identity(model.decode(tf, context, latent));
          Operand<TFloat32> error =
              tf.withName(SavedModelContract.ERROR)
                  .math
                  .mean(
                      tf.math.abs(tf.math.sub(reconstruction, image)),
                      tf.constant(new int[] {1, 2, 3}));
          signature.output(SavedModelContract.RECONSTRUCTION, reconstruction);
          signature.output(SavedModelContract.ERROR, error);
        });
    for (Path companion : source.companions()) {
      if (Files.isRegularFile(companion)) {
        Files.copy(companion, folder.resolve(companion.getFileName()));
      }
    }
  }

  private static Placeholder<TFloat32> imageInput(Ops tf, ImageShape shape) {
    return tf.withName(SavedModelContract.IMAGE)
        .placeholder(
            TFloat32.class,
            Placeholder.shape(Shape.of(-1, shape.height(), shape.width(), shape.channels())));
  }

  /** Builds one inference graph, restores the checkpoint into it and saves it as a SavedModel. */
  private static void exportGraph(Path dir, String checkpointPrefix, GraphBuilder builder)
      throws IOException {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Signature.Builder signature = Signature.builder().key(SavedModelContract.SIGNATURE);
      builder.build(tf, signature);
      try (Session session = new Session(graph)) {
        session.restore(checkpointPrefix);
        SavedModelBundle.exporter(dir.toString())
            .withTags(SavedModelContract.TAG)
            .withSession(session)
            .withSignature(signature.build())
            .export();
      }
    }
  }

  @FunctionalInterface
  private interface GraphBuilder {
    void build(Ops tf, Signature.Builder signature);
  }
}
