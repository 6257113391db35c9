package io.latentquery.inference;

import io.latentquery.InputException;
import io.latentquery.contract.SavedModelContract;
import io.latentquery.data.Dataset;
import io.latentquery.data.ImageShape;
import java.nio.file.Path;
import java.util.function.IntConsumer;
import org.tensorflow.Signature.TensorDescription;

/**
 * An exported autoencoder: a SavedModel whose signature maps float images to their float
 * reconstruction of the same shape and, when the model provides it, a per-example {@code error}
 * [-1]. {@link #errors} ranks examples by a {@link ReconstructionError} computed here from image
 * and reconstruction, so the measure is named and the same for models from any tool; {@link
 * #reconstruct} returns the model's own {@code error} output, or the mean absolute error without
 * one. Not thread-safe; close it when done.
 */
public final class SavedModelAutoencoder implements AutoCloseable {
  private final LoadedModel model;
  private final TensorDescription input;
  private final TensorDescription reconstruction;
  private final TensorDescription error;

  private SavedModelAutoencoder(LoadedModel model, SignatureSpec spec, String errorName) {
    this.model = model;
    this.input = model.input(spec.input(), "--input-name");
    this.reconstruction = model.output(spec.output(), "--output-name");
    this.error =
        errorName != null && model.hasOutput(errorName)
            ? model.output(errorName, "--error-name")
            : null;
  }

  public static SavedModelAutoencoder open(Path folder) {
    return open(folder, SignatureSpec.autoencoder(), 0);
  }

  /**
   * Opens the autoencoder in {@code folder}; the {@link SavedModelContract#ERROR} output is used
   * when the signature has it.
   */
  public static SavedModelAutoencoder open(Path folder, SignatureSpec spec, int threads) {
    LoadedModel model = LoadedModel.load(folder, spec, threads);
    try {
      return new SavedModelAutoencoder(model, spec, SavedModelContract.ERROR);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  public Path folder() {
    return model.folder();
  }

  /** Whether the error comes from the model's own {@code error} output. */
  public boolean hasErrorOutput() {
    return error != null;
  }

  /** The reconstruction of {@code count} images and the per-example errors. */
  public Reconstruction reconstruct(float[] images, int count, ImageShape shape) {
    long[] feed = model.imageFeedShape(input, shape, "the batch");
    float[][] out =
        error == null
            ? model.run(input, feed, images, count, reconstruction)
            : model.run(input, feed, images, count, reconstruction, error);
    float[] rebuilt = checkedShape(out[0], images);
    float[] errors = error == null ? meanAbsoluteErrors(images, rebuilt, count) : out[1];
    if (errors.length != count) {
      throw new InputException(
          "output '"
              + error.name
              + "' of SavedModel "
              + model.folder()
              + " has "
              + errors.length
              + " values for "
              + count
              + " examples, expected shape [-1]");
    }
    return new Reconstruction(rebuilt, errors);
  }

  /**
   * The {@link ReconstructionError#DEFAULT} error of every example of {@code data}, {@code
   * batchSize} at a time.
   */
  public double[] errors(Dataset data, int batchSize, IntConsumer progress) {
    return errors(data, batchSize, ReconstructionError.DEFAULT, progress);
  }

  /**
   * The error of every example of {@code data}, measured by {@code measure} between the image and
   * the model's reconstruction (the model's own {@code error} output is not used), {@code
   * batchSize} at a time.
   */
  public double[] errors(
      Dataset data, int batchSize, ReconstructionError measure, IntConsumer progress) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    long[] feed = model.imageFeedShape(input, data.shape(), "dataset " + data.name());
    double[] errors = new double[data.size()];
    for (int from = 0; from < data.size(); from += batchSize) {
      int to = Math.min(data.size(), from + batchSize);
      float[] images = data.batch(from, to);
      float[] rebuilt =
          checkedShape(model.run(input, feed, images, to - from, reconstruction)[0], images);
      double[] batch = measure.perExample(images, rebuilt, to - from);
      System.arraycopy(batch, 0, errors, from, batch.length);
      progress.accept(to);
    }
    return errors;
  }

  private float[] checkedShape(float[] rebuilt, float[] images) {
    if (rebuilt.length != images.length) {
      throw new InputException(
          "output '"
              + reconstruction.name
              + "' of SavedModel "
              + model.folder()
              + " has "
              + rebuilt.length
              + " values for "
              + images.length
              + " input values; a reconstruction must have the image's shape");
    }
    return rebuilt;
  }

  /** The mean absolute error of each example, for models without an {@code error} output. */
  static float[] meanAbsoluteErrors(float[] images, float[] rebuilt, int count) {
    double[] l1 = ReconstructionError.L1.perExample(images, rebuilt, count);
    float[] errors = new float[count];
    for (int i = 0; i < count; i++) {
      errors[i] = (float) l1[i];
    }
    return errors;
  }

  /** Reconstructed images (row-major, the input's shape) and one error per example. */
  public record Reconstruction(float[] images, float[] errors) {}

  @Override
  public void close() {
    model.close();
  }
}
