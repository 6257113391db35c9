package io.latentquery.inference;

import io.latentquery.InputException;
import io.latentquery.contract.SavedModelContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.Signature.TensorDescription;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;

/**
 * A SavedModel loaded with the {@code serve} tag, and the one signature a reader calls. Every
 * problem with the folder or the signature becomes an {@link InputException} naming the path, so
 * the CLI can print one line.
 */
final class LoadedModel implements AutoCloseable {
  private final Path folder;
  private final SavedModelBundle bundle;
  private final Signature signature;

  private LoadedModel(Path folder, SavedModelBundle bundle, Signature signature) {
    this.folder = folder;
    this.bundle = bundle;
    this.signature = signature;
  }

  /**
   * Checks the ops of the SavedModel in {@code folder} with {@link ModelGuard} unless {@code spec}
   * trusts it, loads it and finds the signature {@code spec} names.
   *
   * @param threads intra-op threads for TensorFlow, 0 for its default
   */
  static LoadedModel load(Path folder, SignatureSpec spec, int threads) {
    String key = spec.key();
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be >= 0, got " + threads);
    }
    if (!Files.exists(folder)) {
      throw new InputException("missing SavedModel folder: " + folder);
    }
    if (!Files.isDirectory(folder)
        || !(Files.isRegularFile(folder.resolve("saved_model.pb"))
            || Files.isRegularFile(folder.resolve("saved_model.pbtxt")))) {
      throw new InputException(folder + " is not a SavedModel folder (it has no saved_model.pb)");
    }
    if (!spec.trusted()) {
      ModelGuard.check(folder);
    }
    ConfigProto.Builder config = ConfigProto.newBuilder();
    if (threads > 0) {
      config.setIntraOpParallelismThreads(threads).setInterOpParallelismThreads(1);
    }
    SavedModelBundle bundle;
    try {
      bundle =
          SavedModelBundle.loader(folder.toAbsolutePath().toString())
              .withTags(SavedModelContract.TAG)
              .withConfigProto(config.build())
              .load();
    } catch (RuntimeException e) {
      throw new InputException(
          "cannot load SavedModel "
              + folder
              + " with tag '"
              + SavedModelContract.TAG
              + "': "
              + firstLine(e),
          e);
    }
    try {
      Signature signature =
          bundle.signatures().stream()
              .filter(s -> s.key().equals(key))
              .findFirst()
              .orElseThrow(
                  () ->
                      new InputException(
                          "SavedModel "
                              + folder
                              + " has no signature '"
                              + key
                              + "'; it has: "
                              + bundle.signatures().stream()
                                  .map(Signature::key)
                                  .sorted()
                                  .collect(Collectors.joining(", "))
                              + " (choose one with --signature)"));
      return new LoadedModel(folder, bundle, signature);
    } catch (RuntimeException e) {
      bundle.close();
      throw e;
    }
  }

  Path folder() {
    return folder;
  }

  SavedModelBundle bundle() {
    return bundle;
  }

  /** The float input {@code name}, or an exception listing the inputs the signature has. */
  TensorDescription input(String name, String option) {
    return floatTensor(signature.getInputs(), name, "input", option);
  }

  /** The float output {@code name}, or an exception listing the outputs the signature has. */
  TensorDescription output(String name, String option) {
    return floatTensor(signature.getOutputs(), name, "output", option);
  }

  boolean hasOutput(String name) {
    return signature.getOutputs().containsKey(name);
  }

  private TensorDescription floatTensor(
      Map<String, TensorDescription> tensors, String name, String kind, String option) {
    TensorDescription tensor = tensors.get(name);
    if (tensor == null) {
      throw new InputException(
          "signature '"
              + signature.key()
              + "' of SavedModel "
              + folder
              + " has no "
              + kind
              + " '"
              + name
              + "'; its "
              + kind
              + "s: "
              + String.join(", ", new java.util.TreeSet<>(tensors.keySet()))
              + " (choose one with "
              + option
              + ")");
    }
    if (tensor.dataType != DataType.DT_FLOAT) {
      throw new InputException(
          kind
              + " '"
              + name
              + "' of SavedModel "
              + folder
              + " is "
              + tensor.dataType
              + ", expected DT_FLOAT");
    }
    return tensor;
  }

  /** A shape as a list, with -1 for unknown sizes: {@code [-1, 28, 28, 1]}. */
  static String describe(Shape shape) {
    if (shape == null || shape.isUnknown()) {
      return "<unknown rank>";
    }
    return Arrays.toString(shape.asArray());
  }

  /**
   * The known size of a latent output shaped [-1,L] (-1 when L is unknown), or an exception naming
   * the shape.
   */
  int latentDimOf(TensorDescription tensor, String role) {
    Shape shape = tensor.shape;
    if (shape == null || shape.isUnknown() || shape.numDimensions() != 2) {
      throw new InputException(
          role
              + " '"
              + tensor.name
              + "' of SavedModel "
              + folder
              + " has shape "
              + describe(shape)
              + ", expected [-1, L] (one latent vector per example)");
    }
    long size = shape.get(1);
    return size < 0 ? -1 : Math.toIntExact(size);
  }

  /**
   * The sizes after the batch dimension with which images of {@code shape} are fed to {@code
   * input}: {H, W, C} for an input shaped [-1,H,W,C], {H*W*C} for a flat [-1,H*W*C] input. Unknown
   * sizes in the signature accept any size.
   */
  long[] imageFeedShape(
      TensorDescription input, io.latentquery.data.ImageShape shape, String dataName) {
    Shape expected = input.shape;
    long[] image = {shape.height(), shape.width(), shape.channels()};
    long[] flat = {shape.size()};
    if (expected != null && !expected.isUnknown()) {
      if (expected.numDimensions() == 4 && fits(expected, image)) {
        return image;
      }
      if (expected.numDimensions() == 2 && fits(expected, flat)) {
        return flat;
      }
    }
    throw new InputException(
        "SavedModel "
            + folder
            + " expects input '"
            + input.name
            + "' of shape "
            + describe(expected)
            + " but "
            + dataName
            + " has images of shape "
            + Arrays.toString(new long[] {-1, shape.height(), shape.width(), shape.channels()})
            + " ("
            + shape
            + ")");
  }

  private static boolean fits(Shape expected, long[] sizes) {
    for (int d = 0; d < sizes.length; d++) {
      long size = expected.get(d + 1);
      if (size >= 0 && size != sizes[d]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Feeds {@code count} examples to {@code input} and reads {@code outputs}, each as a flat float
   * array of {@code count * (values per example)}.
   */
  float[][] run(
      TensorDescription input,
      long[] exampleShape,
      float[] values,
      int count,
      TensorDescription... outputs) {
    long[] dims = new long[exampleShape.length + 1];
    dims[0] = count;
    System.arraycopy(exampleShape, 0, dims, 1, exampleShape.length);
    float[][] results = new float[outputs.length][];
    try (TFloat32 in = TFloat32.tensorOf(Shape.of(dims), DataBuffers.of(values, true, false))) {
      Session.Runner runner = bundle.session().runner().feed(input.name, in);
      for (TensorDescription output : outputs) {
        runner.fetch(output.name);
      }
      try (Result result = runner.run()) {
        for (int k = 0; k < outputs.length; k++) {
          TFloat32 out = (TFloat32) result.get(k);
          if (out.shape().numDimensions() < 1 || out.shape().get(0) != count) {
            throw new InputException(
                "output '"
                    + outputs[k].name
                    + "' of SavedModel "
                    + folder
                    + " gave shape "
                    + describe(out.shape())
                    + " for a batch of "
                    + count);
          }
          float[] flat = new float[Math.toIntExact(out.shape().size())];
          out.copyTo(DataBuffers.of(flat, false, false));
          results[k] = flat;
        }
      }
    } catch (org.tensorflow.exceptions.TensorFlowException e) {
      throw new InputException(
          "SavedModel " + folder + " failed on a batch of " + count + ": " + firstLine(e), e);
    }
    return results;
  }

  @Override
  public void close() {
    bundle.close();
  }

  static String firstLine(Throwable e) {
    String message = String.valueOf(e.getMessage()).strip();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
