package io.latentquery.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * What a model needs from the graph it is built into: variables (initialised from a seed for
 * training, left empty for an inference graph that restores them from a checkpoint) and
 * placeholders that the trainer fills from Java every step. Variables are named by the op scope
 * they are created in, so the same model code gives the same names in training and inference graphs
 * and a checkpoint restores into either.
 */
public final class ModelContext {
  private final boolean training;
  private final long seed;
  private final ConvLayout layout;
  private final TrainingOps ops;
  private final List<Variable<TFloat32>> variables = new ArrayList<>();
  private final Map<Placeholder<TFloat32>, BatchFeed> feeds = new LinkedHashMap<>();

  private ModelContext(boolean training, long seed, ConvLayout layout, TrainingOps ops) {
    this.training = training;
    this.seed = seed;
    this.layout = layout;
    this.ops = ops.in(layout);
  }

  /** For a training graph: variables get seeded initial values, dropout and feeds are active. */
  public static ModelContext training(long seed) {
    return training(seed, ConvLayout.NHWC);
  }

  /**
   * As {@link #training(long)}, with the feature maps between convolutions in {@code layout}; the
   * variables and the result do not depend on it.
   */
  public static ModelContext training(long seed, ConvLayout layout) {
    return training(seed, layout, TrainingOps.ALL);
  }

  /**
   * As {@link #training(long, ConvLayout)}, building the faster forms of ops in {@code ops} that
   * take effect in {@code layout}; they compute the same values and gradients (see {@link
   * TrainingOps}).
   */
  public static ModelContext training(long seed, ConvLayout layout, TrainingOps ops) {
    return new ModelContext(true, seed, layout, ops);
  }

  /**
   * For an inference graph (NHWC): variables have no initialiser and must be restored, and every op
   * is a standard one (grappler fuses the ReLUs when the graph runs).
   */
  public static ModelContext inference() {
    return new ModelContext(false, 0, ConvLayout.NHWC, TrainingOps.NONE);
  }

  /** The layout of the feature maps between convolutions. */
  public ConvLayout layout() {
    return layout;
  }

  public boolean training() {
    return training;
  }

  /** Whether convolutions with a ReLU are built as one fused op with its own gradient. */
  public boolean fusesRelu() {
    return ops.fusedRelu();
  }

  /** Whether a convolution to {@code filters} channels is built as a tap sum. */
  public boolean sumsTaps(int filters) {
    return ops.forFewestFilters(filters).tapSum();
  }

  /**
   * A float variable named {@code name} in {@code tf}'s scope. In a training context it starts from
   * {@code init}, drawn with this context's seed and a stream number unique to the variable.
   */
  public Variable<TFloat32> variable(Ops tf, String name, Shape shape, Initializer init) {
    Variable<TFloat32> variable;
    if (training) {
      variable = tf.withName(name).variable(init.create(tf, shape, seed, variables.size() + 1));
    } else {
      variable = tf.withName(name).variable(shape, TFloat32.class);
    }
    variables.add(variable);
    return variable;
  }

  /**
   * A float placeholder that the trainer fills every step with {@code feed}'s value for the batch.
   * {@code shape} is the static shape, -1 for unknown sizes such as the batch. Only training graphs
   * may have feeds: exported graphs take images or latents alone.
   */
  public Placeholder<TFloat32> feed(Ops tf, String name, Shape shape, BatchFeed feed) {
    if (!training) {
      throw new IllegalStateException(
          "an inference graph cannot take per-batch feeds (" + name + ")");
    }
    Placeholder<TFloat32> placeholder =
        tf.withName(name).placeholder(TFloat32.class, Placeholder.shape(shape));
    feeds.put(placeholder, feed);
    return placeholder;
  }

  /** The trainable variables, in creation order. */
  public List<Variable<TFloat32>> variables() {
    return Collections.unmodifiableList(variables);
  }

  /** Placeholders and the feeds that compute their values, in creation order. */
  public Map<Placeholder<TFloat32>, BatchFeed> feeds() {
    return Collections.unmodifiableMap(feeds);
  }

  /**
   * Feeds every per-batch placeholder with its value for {@code batch} and adds the tensors made to
   * {@code made}, which the caller closes once the run is over.
   */
  public Session.Runner feedAll(Session.Runner runner, Batch batch, List<Tensor> made) {
    for (Map.Entry<Placeholder<TFloat32>, BatchFeed> feed : feeds.entrySet()) {
      TFloat32 value = Tensors.of(feed.getValue().compute(batch));
      made.add(value);
      runner.feed(feed.getKey(), value);
    }
    return runner;
  }
}
