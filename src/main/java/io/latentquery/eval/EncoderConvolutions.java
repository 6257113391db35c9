package io.latentquery.eval;

import io.latentquery.InputException;
import io.latentquery.contract.SavedModelContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * The convolution weights of an exported encoder, read from its SavedModel alone: every variable
 * whose name ends in {@code /kernel} and whose shape is [k, k, in, out] is a convolution, its bias
 * the sibling {@code /bias}; the scope above a convolution's scope is its level (for the exported
 * encoders, {@code encoder/level1/conv1/kernel}). Names sort with numbers compared as numbers.
 *
 * @param source the encoder SavedModel folder
 * @param levels the convolutions of each level, in order
 */
public record EncoderConvolutions(Path source, List<List<Convolution>> levels) {
  /**
   * One convolution.
   *
   * @param name the kernel variable's name in the SavedModel
   * @param shape the kernel shape [k, k, in, out]
   * @param kernel the kernel, row-major
   * @param bias the bias [out]
   */
  public record Convolution(String name, long[] shape, float[] kernel, float[] bias) {
    public long outChannels() {
      return shape[3];
    }
  }

  public static EncoderConvolutions read(Path encoder) {
    if (!Files.isDirectory(encoder)) {
      throw new InputException("missing encoder SavedModel folder: " + encoder);
    }
    try (SavedModelBundle bundle =
        SavedModelBundle.load(encoder.toString(), SavedModelContract.TAG)) {
      Map<String, Shape> variables =
          new TreeMap<>(
              (a, b) -> {
                int order = natural(a, b);
                return order != 0 ? order : a.compareTo(b);
              });
      bundle
          .graph()
          .operations()
          .forEachRemaining(
              op -> {
                if (op.type().equals("VariableV2") || op.type().equals("Variable")) {
                  variables.put(op.name(), ((GraphOperation) op).output(0).shape());
                }
              });
      Map<String, List<Convolution>> levels = new LinkedHashMap<>();
      for (Map.Entry<String, Shape> variable : variables.entrySet()) {
        String name = variable.getKey();
        Shape shape = variable.getValue();
        if (!name.endsWith("/kernel") || shape.numDimensions() != 4) {
          continue;
        }
        String scope = name.substring(0, name.length() - "/kernel".length());
        String biasName = scope + "/bias";
        if (!variables.containsKey(biasName)) {
          throw new InputException(encoder + ": convolution " + scope + " has no bias");
        }
        Convolution convolution =
            new Convolution(
                name,
                shape.asArray(),
                fetch(bundle, name, shape.size()),
                fetch(bundle, biasName, shape.size(3)));
        int slash = scope.lastIndexOf('/');
        String level = slash < 0 ? "" : scope.substring(0, slash);
        levels.computeIfAbsent(level, k -> new ArrayList<>()).add(convolution);
      }
      if (levels.isEmpty()) {
        throw new InputException(
            encoder + " holds no convolution (no [k,k,in,out] variable named .../kernel)");
      }
      return new EncoderConvolutions(encoder, new ArrayList<>(levels.values()));
    } catch (org.tensorflow.exceptions.TensorFlowException e) {
      throw new InputException("cannot load encoder " + encoder + ": " + e.getMessage(), e);
    }
  }

  private static float[] fetch(SavedModelBundle bundle, String name, long size) {
    float[] values = new float[Math.toIntExact(size)];
    try (Result result = bundle.session().runner().fetch(name).run()) {
      ((TFloat32) result.get(0)).copyTo(DataBuffers.of(values, false, false));
    }
    return values;
  }

  /** Every convolution, level after level. */
  public List<Convolution> all() {
    return levels.stream().flatMap(List::stream).toList();
  }

  /**
   * A classifier whose convolutions are these, then {@code dense}: the same filters per level and
   * convolutions per level, 3x3 kernels, each following the one before. Refuses encoders the
   * classifier cannot copy, naming why.
   */
  public ClassifierArchitecture architecture(DenseLayers dense, int imageChannels) {
    int perLevel = levels.get(0).size();
    List<Integer> filters = new ArrayList<>();
    long channels = imageChannels;
    for (List<Convolution> level : levels) {
      if (level.size() != perLevel) {
        throw new InputException(
            source + ": levels have different numbers of convolutions; transfer needs the same");
      }
      for (Convolution convolution : level) {
        long[] shape = convolution.shape();
        if (shape[0] != 3 || shape[1] != 3) {
          throw new InputException(
              source + ": " + convolution.name() + " is not a 3x3 kernel; transfer needs 3x3");
        }
        if (shape[2] != channels || shape[3] != level.get(0).outChannels()) {
          throw new InputException(
              source
                  + ": "
                  + convolution.name()
                  + " takes "
                  + shape[2]
                  + " channels where "
                  + channels
                  + " arrive; the encoder does not fit these images");
        }
        channels = shape[3];
      }
      filters.add(Math.toIntExact(level.get(0).outChannels()));
    }
    return new ClassifierArchitecture("transfer", filters, perLevel, dense);
  }

  /** Names compared piece by piece, runs of digits as numbers: level2 before level10. */
  static int natural(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (Character.isDigit(x) && Character.isDigit(y)) {
        int ei = i;
        while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
          ei++;
        }
        int ej = j;
        while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
          ej++;
        }
        String left = a.substring(i, ei).replaceFirst("^0+(?=.)", "");
        String right = b.substring(j, ej).replaceFirst("^0+(?=.)", "");
        int cmp =
            Comparator.comparingInt(String::length)
                .thenComparing(Comparator.<String>naturalOrder())
                .compare(left, right);
        if (cmp != 0) {
          return cmp;
        }
        i = ei;
        j = ej;
      } else {
        if (x != y) {
          return Character.compare(x, y);
        }
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
