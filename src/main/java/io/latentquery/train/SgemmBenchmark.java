package io.latentquery.train;

import io.latentquery.model.Tensors;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

/**
 * This machine's single-precision matrix multiply rate as TensorFlow reaches it: a size x size
 * float32 MatMul in a graph session with the training session's thread settings ({@code threads}
 * intra-op threads, one inter-op thread), the ceiling a training step's convolutions and dense
 * layers are measured against. The matrices live in variables, so each timed run only multiplies.
 *
 * @param size rows and columns of both matrices
 * @param threads TensorFlow intra-op threads
 * @param warmup untimed products first
 * @param repeats timed products
 */
public record SgemmBenchmark(int size, int threads, int warmup, int repeats) {
  public SgemmBenchmark {
    if (size < 1 || threads < 1 || warmup < 0 || repeats < 1) {
      throw new IllegalArgumentException(
          "sgemm size, threads and repeats must be >= 1 and warm-up >= 0, got "
              + size
              + ", "
              + threads
              + ", "
              + repeats
              + ", "
              + warmup);
    }
  }

  /**
   * The measurement.
   *
   * @param size the matrices' size
   * @param gflopsPerSecond 2 * size^3 FLOPs over the median timed product's seconds, in billions
   * @param medianSeconds the median product's wall-clock seconds
   * @param seconds every timed product's seconds, in order
   * @param gflopsPerCpuSecond the timed products' FLOPs over this process's CPU seconds while they
   *     ran (all threads), in billions: on a shared machine, this times the thread count estimates
   *     the rate on idle cores, as {@link TrainingBenchmark.Result#imagesPerCpuSecond} does
   * @param cpuSeconds this process's CPU seconds over the timed products, NaN where not measured
   */
  public record Result(
      int size,
      double gflopsPerSecond,
      double medianSeconds,
      List<Double> seconds,
      double gflopsPerCpuSecond,
      double cpuSeconds) {
    public Result {
      seconds = List.copyOf(seconds);
    }

    /** The slowest timed product's time over the quickest's. */
    public double spread() {
      return Timings.spread(seconds);
    }
  }

  /** Multiplies two seeded random matrices {@code warmup + repeats} times and times the last. */
  public Result run() {
    try (Sampler sampler = open()) {
      for (int i = 0; i < repeats; i++) {
        sampler.time();
      }
      return sampler.result();
    }
  }

  /**
   * The product ready to be timed one run at a time, after the warm-up products, for timing it
   * between other work, such as training steps; close it when done.
   */
  public Sampler open() {
    return new Sampler();
  }

  /** Times the product one run at a time; {@link #result()} summarises the runs so far. */
  public final class Sampler implements AutoCloseable {
    private final Product product;
    private final List<Double> seconds = new ArrayList<>();
    private long cpuNanos;
    private boolean cpuKnown = true;

    private Sampler() {
      product = new Product(random(size, 1), random(size, 2), size, threads);
      try {
        for (int i = 0; i < warmup; i++) {
          product.compute();
        }
      } catch (RuntimeException e) {
        product.close();
        throw e;
      }
    }

    /** Computes and times one product. */
    public void time() {
      long cpuStart = TrainingBenchmark.processCpuNanos();
      long start = System.nanoTime();
      product.compute();
      seconds.add((System.nanoTime() - start) / 1e9);
      long cpuEnd = TrainingBenchmark.processCpuNanos();
      cpuKnown &= cpuStart >= 0;
      cpuNanos += cpuEnd - cpuStart;
    }

    /** Products timed so far. */
    public int timed() {
      return seconds.size();
    }

    /** The rate from the products timed so far: at least one. */
    public Result result() {
      if (seconds.isEmpty()) {
        throw new IllegalStateException("no product timed yet");
      }
      double median = Timings.median(seconds);
      double flops = 2.0 * size * size * (double) size;
      double cpuSeconds = cpuNanos / 1e9;
      return new Result(
          size,
          flops / median / 1e9,
          median,
          seconds,
          cpuKnown && cpuSeconds > 0 ? seconds.size() * flops / cpuSeconds / 1e9 : Double.NaN,
          cpuKnown ? cpuSeconds : Double.NaN);
    }

    @Override
    public void close() {
      product.close();
    }
  }

  /** Row-major size x size values uniform in [-1, 1), the same for the same seed. */
  static float[] random(int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[Math.multiplyExact(size, size)];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (2 * random.nextDouble() - 1);
    }
    return values;
  }

  /** A graph holding two matrices in variables and their product. */
  static final class Product implements AutoCloseable {
    private final Graph graph;
    private final Session session;
    private final MatMul<TFloat32> product;
    private final int size;

    /** Row-major {@code a} and {@code b}, each {@code size} x {@code size}. */
    Product(float[] a, float[] b, int size, int threads) {
      long cells = (long) size * size;
      if (a.length != cells || b.length != cells) {
        throw new IllegalArgumentException(
            "matrices must hold " + cells + " values, got " + a.length + " and " + b.length);
      }
      this.size = size;
      graph = new Graph();
      try {
        Ops tf = Ops.create(graph);
        Shape shape = Shape.of(size, size);
        Placeholder<TFloat32> aIn = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
        Placeholder<TFloat32> bIn = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
        Variable<TFloat32> aVar = tf.variable(shape, TFloat32.class);
        Variable<TFloat32> bVar = tf.variable(shape, TFloat32.class);
        Assign<TFloat32> aSet = tf.assign(aVar, aIn);
        Assign<TFloat32> bSet = tf.assign(bVar, bIn);
        product = tf.linalg.matMul(aVar, bVar);
        session = new Session(graph, SessionSettings.threads(threads).config());
        try {
          load(aIn, a, aSet);
          load(bIn, b, bSet);
        } catch (RuntimeException e) {
          session.close();
          throw e;
        }
      } catch (RuntimeException e) {
        graph.close();
        throw e;
      }
    }

    private void load(Placeholder<TFloat32> input, float[] values, Assign<TFloat32> assign) {
      try (TFloat32 tensor = Tensors.of(new long[] {size, size}, values);
          org.tensorflow.Result ignored =
              session.runner().feed(input, tensor).addTarget(assign).run()) {
        // The variable now holds the matrix.
      }
    }

    /** Computes the product and discards it (nothing is copied out). */
    void compute() {
      try (org.tensorflow.Result ignored = session.runner().addTarget(product).run()) {
        // Only the work is wanted.
      }
    }

    /** Computes the product and returns it, row-major. */
    float[] fetch() {
      try (org.tensorflow.Result result = session.runner().fetch(product).run()) {
        return Tensors.read((TFloat32) result.get(0));
      }
    }

    @Override
    public void close() {
      try {
        session.close();
      } finally {
        graph.close();
      }
    }
  }
}
