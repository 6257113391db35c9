package io.latentquery.train;

import io.latentquery.data.ImageShape;
import io.latentquery.model.AutoencoderConfig;
import io.latentquery.model.Batch;
import io.latentquery.model.ModelContext;
import io.latentquery.model.Tensors;
import io.latentquery.model.TrainingGraph;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.proto.StepStats;
import org.tensorflow.types.TFloat32;

/**
 * One model's training graph and its session: the model's loss terms, their sum, and an Adam step
 * on the model's variables. Built once; every step only feeds a batch and fetches scalar losses.
 * Saves and restores its whole state (weights and optimizer) as a TensorFlow checkpoint.
 */
public final class TrainingSession implements AutoCloseable {
  /** Name of the summed loss in {@link StepLosses}. */
  public static final String TOTAL = "total";

  private final Graph graph;
  private final Session session;
  private final ImageShape shape;
  private final Placeholder<TFloat32> images;
  private final List<String> termNames;
  private final List<Operand<TFloat32>> fetches = new ArrayList<>();
  private final Map<String, Operand<TFloat32>> outputs;
  private final ModelContext context;
  private final List<Variable<TFloat32>> variables;
  private final Placeholder<TFloat32> learningRateInput;
  private final Op train;
  private double learningRate;

  /**
   * Builds the graph and opens a session with Adam's step size {@code learningRate} (until {@link
   * #learningRate(double)} changes it), {@code threads} intra-op threads and one inter-op thread:
   * two ops at once, each with all cores, oversubscribe the machine (see docs/benchmarks.md).
   */
  public TrainingSession(AutoencoderConfig config, long seed, double learningRate, int threads) {
    this(config, seed, learningRate, SessionSettings.threads(threads));
  }

  /**
   * As {@link #TrainingSession(AutoencoderConfig, long, double, int)}, with the session's threads
   * and XLA setting from {@code settings}.
   */
  public TrainingSession(
      AutoencoderConfig config, long seed, double learningRate, SessionSettings settings) {
    this.shape = config.input();
    this.graph = new Graph();
    try {
      Ops tf = Ops.create(graph);
      images =
          tf.withName("image")
              .placeholder(
                  TFloat32.class,
                  Placeholder.shape(Shape.of(-1, shape.height(), shape.width(), shape.channels())));
      context = ModelContext.training(seed, settings.layout(), settings.ops());
      TrainingGraph training = config.kind().create(config).training(tf, context, images);
      termNames = List.copyOf(training.lossTerms().keySet());
      outputs = training.outputs();
      fetches.addAll(training.lossTerms().values());
      Operand<TFloat32> total =
          fetches.size() == 1
              ? tf.withName("loss").identity(fetches.get(0))
              : tf.withName("loss").math.addN(List.copyOf(fetches));
      fetches.add(0, total);
      variables = context.variables();
      learningRateInput =
          tf.withName("learning_rate")
              .placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
      train = new AdamOptimizer(learningRateInput).minimize(graph, tf, total, variables);
      learningRate(learningRate);
      session = new Session(graph, settings.config());
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** Gives every variable (weights, Adam state) its initial value. */
  public void initialize() {
    session.initialize();
  }

  /** Adam's step size for the next {@link #train} steps. */
  public double learningRate() {
    return learningRate;
  }

  /** Sets Adam's step size for the next {@link #train} steps; the optimizer state stays. */
  public void learningRate(double learningRate) {
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
    }
    this.learningRate = learningRate;
  }

  /** Loss term names in metrics order (without the total). */
  public List<String> termNames() {
    return termNames;
  }

  /** One Adam step on {@code batch}; the losses are those of the weights before the step. */
  public StepLosses train(Batch batch) {
    return run(batch, true);
  }

  /** The losses on {@code batch} without changing anything. */
  public StepLosses evaluate(Batch batch) {
    return run(batch, false);
  }

  private StepLosses run(Batch batch, boolean step) {
    List<Tensor> inputs = new ArrayList<>();
    try {
      Session.Runner runner = lossRunner(batch, step, inputs);
      try (Result result = runner.run()) {
        float[] values = new float[fetches.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = ((TFloat32) result.get(i)).getFloat();
        }
        return new StepLosses(termNames, values);
      }
    } finally {
      inputs.forEach(Tensor::close);
    }
  }

  /**
   * A runner that fetches the losses on {@code batch} and, when {@code step}, takes one Adam step;
   * tensors go to {@code inputs}.
   */
  private Session.Runner lossRunner(Batch batch, boolean step, List<Tensor> inputs) {
    Session.Runner runner = feed(batch, inputs);
    fetches.forEach(runner::fetch);
    if (step) {
      TFloat32 rate = TFloat32.scalarOf((float) learningRate);
      inputs.add(rate);
      runner.feed(learningRateInput, rate).addTarget(train);
    }
    return runner;
  }

  /**
   * A runner fed with the batch's images and the model's per-batch values; tensors go to {@code
   * inputs}.
   */
  private Session.Runner feed(Batch batch, List<Tensor> inputs) {
    Session.Runner runner = session.runner();
    TFloat32 pixels = Tensors.of(shape.batchShape(batch.size()), batch.images());
    inputs.add(pixels);
    runner.feed(images, pixels);
    return context.feedAll(runner, batch, inputs);
  }

  /** The model's outputs on {@code batch} by contract name (latent, reconstruction), row-major. */
  public Map<String, float[]> outputs(Batch batch) {
    List<Tensor> inputs = new ArrayList<>();
    try {
      Session.Runner runner = feed(batch, inputs);
      outputs.values().forEach(runner::fetch);
      try (Result result = runner.run()) {
        Map<String, float[]> values = new LinkedHashMap<>();
        int i = 0;
        for (String name : outputs.keySet()) {
          values.put(name, Tensors.read((TFloat32) result.get(i++)));
        }
        return values;
      }
    } finally {
      inputs.forEach(Tensor::close);
    }
  }

  /**
   * Runs one traced step and returns the devices TensorFlow placed its ops on, e.g. {@code
   * /job:localhost/replica:0/task:0/device:CPU:0}. Changes nothing.
   */
  public List<String> devices(Batch batch) {
    TreeSet<String> devices = new TreeSet<>();
    traced(batch, false).stats().getDevStatsList().forEach(d -> devices.add(d.getDevice()));
    return List.copyOf(devices);
  }

  /**
   * One Adam step on {@code batch}, traced: TensorFlow's per-node step stats ({@code FULL_TRACE})
   * and the wall time of the {@code Session.run} call, without the Java side's tensor copies.
   */
  public TracedStep trace(Batch batch) {
    return traced(batch, true);
  }

  private TracedStep traced(Batch batch, boolean step) {
    List<Tensor> inputs = new ArrayList<>();
    try {
      Session.Runner runner = lossRunner(batch, step, inputs);
      runner.setOptions(
          RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build());
      long start = System.nanoTime();
      try (Result result = runner.runAndFetchMetadata()) {
        double wallMicros = (System.nanoTime() - start) / 1e3;
        StepStats stats =
            result
                .getMetadata()
                .map(RunMetadata::getStepStats)
                .orElse(StepStats.getDefaultInstance());
        return new TracedStep(stats, wallMicros);
      }
    } finally {
      inputs.forEach(Tensor::close);
    }
  }

  /**
   * A traced step.
   *
   * @param stats TensorFlow's per-node timings
   * @param wallMicros wall time of the {@code Session.run} call in microseconds
   */
  public record TracedStep(StepStats stats, double wallMicros) {}

  /** Writes every variable, optimizer state included, to {@code prefix}.index and .data files. */
  public void save(Path prefix) {
    session.save(prefix.toString());
  }

  /** Restores what {@link #save} wrote; replaces {@link #initialize}. */
  public void restore(Path prefix) {
    session.restore(prefix.toString());
  }

  /** The model's weights by variable name (for tests and diagnostics). */
  public Map<String, float[]> weights() {
    Map<String, float[]> weights = new LinkedHashMap<>();
    for (Variable<TFloat32> variable : variables) {
      try (Result result = session.runner().fetch(variable).run()) {
        weights.put(variable.op().name(), Tensors.read((TFloat32) result.get(0)));
      }
    }
    return weights;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
