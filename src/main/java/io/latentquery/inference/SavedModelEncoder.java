package io.latentquery.inference;

import io.latentquery.data.Dataset;
import io.latentquery.data.ImageShape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.tensorflow.Signature.TensorDescription;

/**
 * An exported encoder: any SavedModel whose signature maps one float image input [-1,H,W,C] (or a
 * flat [-1,H*W*C]) to one float output [-1,L]. Datasets stream through it in batches, so a pool is
 * never held as images in memory, only as encodings. Not thread-safe; close it when done.
 */
public final class SavedModelEncoder implements AutoCloseable {
  /** Examples per batch unless the caller chooses otherwise. */
  public static final int DEFAULT_BATCH_SIZE = 256;

  private final LoadedModel model;
  private final TensorDescription input;
  private final TensorDescription output;
  private final int latentDim;

  private SavedModelEncoder(LoadedModel model, SignatureSpec spec) {
    this.model = model;
    this.input = model.input(spec.input(), "--input-name");
    this.output = model.output(spec.output(), "--output-name");
    this.latentDim = model.latentDimOf(output, "output");
  }

  /**
   * Opens the encoder in {@code folder} with the contract's names and TensorFlow's default threads.
   */
  public static SavedModelEncoder open(Path folder) {
    return open(folder, SignatureSpec.encoder(), 0);
  }

  /**
   * Opens the encoder in {@code folder}.
   *
   * @param threads intra-op threads, 0 for TensorFlow's default
   * @throws io.latentquery.InputException when the folder is missing, is not a SavedModel, or its
   *     signature lacks the names or has an output that is not [-1,L]
   */
  public static SavedModelEncoder open(Path folder, SignatureSpec spec, int threads) {
    LoadedModel model = LoadedModel.load(folder, spec, threads);
    try {
      return new SavedModelEncoder(model, spec);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  public Path folder() {
    return model.folder();
  }

  /** L, or -1 when the signature leaves it unknown until the first batch. */
  public int latentDim() {
    return latentDim;
  }

  /** Checks that images of {@code shape} fit the input; the message names both shapes. */
  public void checkFits(ImageShape shape, String dataName) {
    model.imageFeedShape(input, shape, dataName);
  }

  /**
   * Encodes {@code count} images of {@code shape} (row-major HWC floats) to {@code count * L}
   * floats.
   */
  public float[] encode(float[] images, int count, ImageShape shape) {
    long[] feed = model.imageFeedShape(input, shape, "the batch");
    float[] latent = model.run(input, feed, images, count, output)[0];
    checkLatent(latent, count);
    return latent;
  }

  /**
   * Encodes every example of {@code data}, {@code batchSize} at a time.
   *
   * @param progress receives the number of examples encoded so far after each batch
   */
  public Encodings encode(Dataset data, int batchSize, IntConsumer progress) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    long[] feed = model.imageFeedShape(input, data.shape(), "dataset " + data.name());
    int n = data.size();
    double[] values = null;
    int dim = latentDim;
    for (int from = 0; from < n; from += batchSize) {
      int to = Math.min(n, from + batchSize);
      float[] latent = model.run(input, feed, data.batch(from, to), to - from, output)[0];
      if (dim < 0) {
        dim = latent.length / (to - from);
      }
      checkLatent(latent, to - from, dim);
      if (values == null) {
        values = new double[Math.multiplyExact(n, dim)];
      }
      for (int k = 0; k < latent.length; k++) {
        values[from * dim + k] = latent[k];
      }
      progress.accept(to);
    }
    if (values == null) {
      values = new double[0];
      dim = Math.max(dim, 1);
    }
    List<String> ids = new ArrayList<>(n);
    List<String> labels = data.hasLabels() ? new ArrayList<>(n) : null;
    List<String> classNames = data.hasLabels() ? data.classNames() : List.of();
    for (int i = 0; i < n; i++) {
      ids.add(data.id(i));
      if (labels != null) {
        int label = data.label(i);
        labels.add(label < classNames.size() ? classNames.get(label) : Integer.toString(label));
      }
    }
    return new Encodings(values, n, dim, ids, labels);
  }

  private void checkLatent(float[] latent, int count) {
    checkLatent(latent, count, latentDim < 0 ? latent.length / Math.max(count, 1) : latentDim);
  }

  private void checkLatent(float[] latent, int count, int dim) {
    if (latent.length != (long) count * dim) {
      throw new io.latentquery.InputException(
          "output '"
              + output.name
              + "' of SavedModel "
              + model.folder()
              + " gave "
              + latent.length
              + " values for "
              + count
              + " examples, expected ["
              + count
              + ", "
              + dim
              + "]");
    }
    for (float v : latent) {
      if (!Float.isFinite(v)) {
        throw new io.latentquery.InputException(
            "SavedModel " + model.folder() + " produced a non-finite encoding (" + v + ")");
      }
    }
  }

  @Override
  public void close() {
    model.close();
  }
}
