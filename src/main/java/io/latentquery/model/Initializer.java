package io.latentquery.model;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TFloat32;

/**
 * Signed variance-scaling uniform initial values, drawn in the graph from a seeded {@code
 * RandomUniform}. Written here because tensorflow-framework 1.1.0's uniform initialisers return
 * only non-negative values and mis-scale convolution kernels.
 *
 * @param fanIn inputs feeding one output unit
 * @param fanOut outputs one input unit feeds
 * @param rule how the limit follows from the fans
 */
public record Initializer(long fanIn, long fanOut, Rule rule) {

  /** The scaling rule. */
  public enum Rule {
    /** limit = sqrt(6 / fanIn), for layers followed by a ReLU (He et al. 2015). */
    HE,
    /** limit = sqrt(6 / (fanIn + fanOut)), for linear outputs (Glorot and Bengio 2010). */
    GLOROT,
    /** All zeros, for biases. */
    ZEROS
  }

  public Initializer {
    if (rule != Rule.ZEROS && (fanIn < 1 || fanOut < 1)) {
      throw new IllegalArgumentException("fans must be >= 1, got in " + fanIn + " out " + fanOut);
    }
  }

  /**
   * Fans of a dense kernel [in, out] or a convolution kernel [kh, kw, in, out]: the receptive field
   * times the input or output channels.
   */
  public static Initializer forKernel(Shape kernel, Rule rule) {
    int rank = kernel.numDimensions();
    long receptive = 1;
    for (int i = 0; i < rank - 2; i++) {
      receptive *= kernel.get(i);
    }
    return new Initializer(
        receptive * kernel.get(rank - 2), receptive * kernel.get(rank - 1), rule);
  }

  public static Initializer zeros() {
    return new Initializer(0, 0, Rule.ZEROS);
  }

  /** Uniform values in [-limit, limit). */
  public double limit() {
    return switch (rule) {
      case HE -> Math.sqrt(6.0 / fanIn);
      case GLOROT -> Math.sqrt(6.0 / (fanIn + fanOut));
      case ZEROS -> 0;
    };
  }

  /** The initial value, reproducible from ({@code seed}, {@code stream}). */
  public Operand<TFloat32> create(Ops tf, Shape shape, long seed, long stream) {
    if (rule == Rule.ZEROS) {
      return tf.zeros(tf.constant(shape), TFloat32.class);
    }
    Operand<TFloat32> unit =
        tf.random.randomUniform(
            tf.constant(shape),
            TFloat32.class,
            RandomUniform.seed(seed),
            RandomUniform.seed2(stream));
    float limit = (float) limit();
    return tf.math.sub(tf.math.mul(unit, tf.constant(2 * limit)), tf.constant(limit));
  }
}
