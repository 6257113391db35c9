package io.latentquery.inference;

import io.latentquery.InputException;
import io.latentquery.data.ImageShape;
import java.nio.file.Path;
import org.tensorflow.Signature.TensorDescription;
import org.tensorflow.ndarray.Shape;

/**
 * An exported decoder: a SavedModel whose signature maps a float latent input [-1,L] to float
 * images [-1,H,W,C]. Used to draw what a region of the latent space looks like. Not thread-safe;
 * close it when done.
 */
public final class SavedModelDecoder implements AutoCloseable {
  private final LoadedModel model;
  private final TensorDescription input;
  private final TensorDescription output;
  private final int latentDim;

  private SavedModelDecoder(LoadedModel model, SignatureSpec spec) {
    this.model = model;
    this.input = model.input(spec.input(), "--input-name");
    this.output = model.output(spec.output(), "--output-name");
    this.latentDim = model.latentDimOf(input, "input");
    if (latentDim < 0) {
      throw new InputException(
          "input '"
              + input.name
              + "' of SavedModel "
              + model.folder()
              + " has an unknown latent size");
    }
  }

  public static SavedModelDecoder open(Path folder) {
    return open(folder, SignatureSpec.decoder(), 0);
  }

  /** Opens the decoder in {@code folder}; problems are {@link InputException}s naming the path. */
  public static SavedModelDecoder open(Path folder, SignatureSpec spec, int threads) {
    LoadedModel model = LoadedModel.load(folder, spec, threads);
    try {
      return new SavedModelDecoder(model, spec);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  public int latentDim() {
    return latentDim;
  }

  /** The image shape the signature declares, or null when it leaves a size unknown. */
  public ImageShape imageShape() {
    Shape shape = output.shape;
    if (shape == null || shape.isUnknown() || shape.numDimensions() != 4) {
      return null;
    }
    long h = shape.get(1);
    long w = shape.get(2);
    long c = shape.get(3);
    return h < 0 || w < 0 || c < 0 ? null : new ImageShape((int) h, (int) w, (int) c);
  }

  /** Decodes {@code count} latent vectors (row-major) to {@code count} images, row-major HWC. */
  public float[] decode(double[] latents, int count) {
    if (latents.length != (long) count * latentDim) {
      throw new IllegalArgumentException(
          latents.length
              + " latent values are not "
              + count
              + " vectors of dimension "
              + latentDim);
    }
    float[] values = new float[latents.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) latents[i];
    }
    float[] images = model.run(input, new long[] {latentDim}, values, count, output)[0];
    if (count > 0 && images.length % count != 0) {
      throw new InputException(
          "SavedModel "
              + model.folder()
              + " gave "
              + images.length
              + " image values for "
              + count
              + " latents");
    }
    return images;
  }

  @Override
  public void close() {
    model.close();
  }
}
