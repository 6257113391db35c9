package io.latentquery.inference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.io.WriteFile;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TString;

/**
 * SavedModels built from raw TensorFlow ops, as another tool would export them: they prove the
 * readers work on models our training code did not make, and their outputs are known exactly.
 */
public final class TinySavedModels {
  private TinySavedModels() {}

  /** A linear encoder: flattens [-1,h,w,c] images and multiplies by {@code matrix} [h*w*c][L]. */
  public static Path linearEncoder(
      Path dir, int h, int w, int c, float[][] matrix, String key, String in, String out)
      throws IOException {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> image =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, h, w, c)));
      Operand<TFloat32> flat = tf.reshape(image, tf.constant(new long[] {-1, (long) h * w * c}));
      Operand<TFloat32> latent = tf.linalg.matMul(flat, tf.constant(matrix));
      export(dir, graph, Signature.builder().key(key).input(in, image).output(out, latent).build());
    }
    return dir;
  }

  /** An encoder with the contract's names and output {@code z = sum over pixels * weights}. */
  public static Path linearEncoder(Path dir, int h, int w, int c, float[][] matrix)
      throws IOException {
    return linearEncoder(dir, h, w, c, matrix, "serving_default", "image", "latent");
  }

  /** A model whose output is the image itself, rank 4: not an encoder. */
  public static Path identity(Path dir, int h, int w, int c) throws IOException {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> image =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, h, w, c)));
      Operand<TFloat32> same = tf.identity(image);
      export(
          dir,
          graph,
          Signature.builder()
              .key("serving_default")
              .input("image", image)
              .output("latent", same)
              .build());
    }
    return dir;
  }

  /**
   * An autoencoder whose reconstruction is {@code scale * image}; with {@code withError} it also
   * outputs the mean absolute error, as our exporter does.
   */
  public static Path scalingAutoencoder(
      Path dir, int h, int w, int c, float scale, boolean withError) throws IOException {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> image =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, h, w, c)));
      Operand<TFloat32> rebuilt = tf.math.mul(image, tf.constant(scale));
      Signature.Builder signature =
          Signature.builder()
              .key("serving_default")
              .input("image", image)
              .output("reconstruction", rebuilt);
      if (withError) {
        Operand<TFloat32> error =
            tf.math.mean(
                tf.math.abs(tf.math.sub(image, rebuilt)), tf.constant(new int[] {1, 2, 3}));
        signature.output("error", error);
      }
      export(dir, graph, signature.build());
    }
    return dir;
  }

  /** A linear decoder: latent [-1,L] times {@code matrix} [L][h*w*c], reshaped to images. */
  public static Path linearDecoder(Path dir, int h, int w, int c, float[][] matrix)
      throws IOException {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> latent =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, matrix.length)));
      Operand<TFloat32> flat = tf.linalg.matMul(latent, tf.constant(matrix));
      Operand<TFloat32> image = tf.reshape(flat, tf.constant(new long[] {-1, h, w, c}));
      export(
          dir,
          graph,
          Signature.builder()
              .key("serving_default")
              .input("latent", latent)
              .output("image", image)
              .build());
    }
    return dir;
  }

  /**
   * A linear encoder that also reads {@code file}: its latent is {@code image * matrix} plus the
   * file's length in bytes, so a run proves the read happened.
   */
  public static Path fileReadingEncoder(Path dir, int h, int w, int c, float[][] matrix, Path file)
      throws IOException {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> image =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, h, w, c)));
      Operand<TFloat32> flat = tf.reshape(image, tf.constant(new long[] {-1, (long) h * w * c}));
      Operand<TString> contents = tf.io.readFile(tf.constant(file.toString()));
      Operand<TFloat32> length = tf.dtypes.cast(tf.strings.stringLength(contents), TFloat32.class);
      Operand<TFloat32> latent = tf.math.add(tf.linalg.matMul(flat, tf.constant(matrix)), length);
      export(dir, graph, encoderSignature(image, latent));
    }
    return dir;
  }

  /** A linear encoder that writes {@code text} to {@code file} each time it runs. */
  public static Path fileWritingEncoder(
      Path dir, int h, int w, int c, float[][] matrix, Path file, String text) throws IOException {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> image =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, h, w, c)));
      Operand<TFloat32> flat = tf.reshape(image, tf.constant(new long[] {-1, (long) h * w * c}));
      WriteFile write = tf.io.writeFile(tf.constant(file.toString()), tf.constant(text));
      Operand<TFloat32> latent =
          tf.withControlDependencies(List.of(write))
              .identity(tf.linalg.matMul(flat, tf.constant(matrix)));
      export(dir, graph, encoderSignature(image, latent));
    }
    return dir;
  }

  private static Signature encoderSignature(Placeholder<TFloat32> image, Operand<TFloat32> latent) {
    return Signature.builder()
        .key("serving_default")
        .input("image", image)
        .output("latent", latent)
        .build();
  }

  private static void export(Path dir, Graph graph, Signature signature) throws IOException {
    try (Session session = new Session(graph)) {
      SavedModelBundle.exporter(dir.toString())
          .withSession(session)
          .withSignature(signature)
          .export();
    }
  }

  /** A deterministic [rows][cols] matrix with small, distinct entries. */
  public static float[][] matrix(int rows, int cols) {
    float[][] m = new float[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        m[i][j] = (float) Math.sin(1.0 + i * 0.37 + j * 1.91) / 10f;
      }
    }
    return m;
  }
}
