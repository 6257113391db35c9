package io.latentquery.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The trainable variables of one graph, created with seeded initial values and listed in creation
 * order so that gradients are taken exactly over them (never over optimizer slots). Each variable
 * draws from its own stateless random stream {@code (seed, creation index)}, so the same seed and
 * architecture always give the same initial network.
 *
 * <p>The uniform initialisers are written here because tensorflow-framework 1.1.0's Glorot/He
 * uniform initialisers return only non-negative values and mis-scale convolution kernels.
 */
public final class Weights {
  private final Ops root;
  private final long seed;
  private final List<Variable<TFloat32>> variables = new ArrayList<>();

  /**
   * Variables are created at the root of {@code tf}'s graph with flat names such as
   * {@code conv0_0.kernel}: tensorflow-framework's optimizers name each slot after its variable and
   * refuse names holding a scope separator ('/').
   */
  public Weights(Ops tf, long seed) {
    this.root = Ops.create(tf.scope().env());
    this.seed = seed;
  }

  /** He uniform: U(-sqrt(6/fanIn), +sqrt(6/fanIn)), for layers followed by ReLU. */
  public Variable<TFloat32> he(String name, Shape shape, long fanIn) {
    return uniform(name, shape, Math.sqrt(6.0 / fanIn));
  }

  /** Glorot uniform: U(-sqrt(6/(fanIn+fanOut)), +...), for the linear output layer. */
  public Variable<TFloat32> glorot(String name, Shape shape, long fanIn, long fanOut) {
    return uniform(name, shape, Math.sqrt(6.0 / (fanIn + fanOut)));
  }

  /** A variable of zeros (biases). */
  public Variable<TFloat32> zeros(String name, Shape shape) {
    Ops init = root.withInitScope();
    Operand<TFloat32> value = init.zeros(init.constant(shape.asArray()), TFloat32.class);
    return register(root.withName(name).variable(value));
  }

  private Variable<TFloat32> uniform(String name, Shape shape, double limit) {
    Ops init = root.withInitScope();
    Operand<TFloat32> unit =
        init.random.statelessRandomUniform(
            init.constant(shape.asArray()), init.constant(new long[] {seed, variables.size()}));
    Operand<TFloat32> value =
        init.math.mul(init.math.sub(init.math.mul(unit, init.constant(2f)), init.constant(1f)), init.constant((float) limit));
    return register(root.withName(name).variable(value));
  }

  private Variable<TFloat32> register(Variable<TFloat32> variable) {
    variables.add(variable);
    return variable;
  }

  /** The variables in creation order. */
  public List<Variable<TFloat32>> variables() {
    return Collections.unmodifiableList(variables);
  }

  /** The variables' outputs, for {@code Graph.addGradients}. */
  public Output<?>[] outputs() {
    return variables.stream().map(Variable::asOutput).toArray(Output<?>[]::new);
  }

  /** Number of trainable values. */
  public long parameterCount() {
    return variables.stream().mapToLong(v -> v.shape().size()).sum();
  }
}
