package io.latentquery.train;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adam (Kingma and Ba 2015) on an explicit list of variables, with gradients from {@code
 * graph.addGradients}. Its state (first and second moments per variable, {@code
 * optimizer/encoder.dense1.kernel.m} and {@code .v}, and the powers of beta1 and beta2) lives in
 * variables under {@code optimizer/}, so a checkpoint holds it and a resumed run continues exactly.
 *
 * <p>Every update waits for every gradient, and the beta powers advance only after all updates.
 * Written here rather than taken from tensorflow-framework 1.1.0 because that Adam updates the beta
 * powers without ordering them after the variable updates that read them: the two race, so the bias
 * correction is off by one step and results vary from run to run. Shared by the autoencoder trainer
 * and the evaluation classifier ({@code io.latentquery.eval}), so both are bit-reproducible with
 * one thread.
 */
public final class AdamOptimizer {
  static final float BETA1 = 0.9f;
  static final float BETA2 = 0.999f;
  static final float EPSILON = 1e-7f;

  private final Operand<TFloat32> learningRate;

  /**
   * @param learningRate the step size, a scalar in the graph: a constant, or a placeholder fed with
   *     every step when the rate follows a schedule
   */
  public AdamOptimizer(Operand<TFloat32> learningRate) {
    this.learningRate = learningRate;
  }

  /**
   * The op that takes one Adam step on {@code variables} to lower {@code loss}. Call once per
   * graph: the optimizer's variables are named {@code optimizer/...} and {@code train}.
   */
  public Op minimize(
      Graph graph, Ops tf, Operand<TFloat32> loss, List<Variable<TFloat32>> variables) {
    Output<?>[] outputs = variables.stream().map(Variable::asOutput).toArray(Output<?>[]::new);
    Output<?>[] gradients = graph.addGradients(loss.asOutput(), outputs);
    Ops opt = tf.withSubScope("optimizer");
    // Backpropagation reads the variables by reference: no update may start before every
    // gradient is computed, or a gradient would see half-updated weights.
    List<Op> ready = new ArrayList<>();
    for (Output<?> gradient : gradients) {
      ready.add(opt.identity(gradient));
    }
    Ops gated = opt.withControlDependencies(ready);
    Variable<TFloat32> beta1Power = opt.withName("beta1_power").variable(opt.constant(BETA1));
    Variable<TFloat32> beta2Power = opt.withName("beta2_power").variable(opt.constant(BETA2));
    Operand<TFloat32> beta1 = opt.constant(BETA1);
    Operand<TFloat32> beta2 = opt.constant(BETA2);
    Operand<TFloat32> epsilon = opt.constant(EPSILON);
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < variables.size(); i++) {
      Variable<TFloat32> variable = variables.get(i);
      // Op names may not contain '/' below a scope, so the slot names flatten the variable's path.
      String name = variable.op().name().replace('/', '.');
      Operand<TFloat32> zeros = opt.zeros(opt.constant(variable.shape()), TFloat32.class);
      Variable<TFloat32> m = opt.withName(name + ".m").variable(zeros);
      Variable<TFloat32> v = opt.withName(name + ".v").variable(zeros);
      @SuppressWarnings("unchecked")
      Operand<TFloat32> gradient = (Operand<TFloat32>) ready.get(i);
      updates.add(
          gated.train.applyAdam(
              variable,
              m,
              v,
              beta1Power,
              beta2Power,
              learningRate,
              beta1,
              beta2,
              epsilon,
              gradient));
    }
    Ops afterUpdates = opt.withControlDependencies(updates);
    Op nextBeta1 = afterUpdates.assign(beta1Power, afterUpdates.math.mul(beta1Power, beta1));
    Op nextBeta2 = afterUpdates.assign(beta2Power, afterUpdates.math.mul(beta2Power, beta2));
    return tf.withName("train").withControlDependencies(List.of(nextBeta1, nextBeta2)).noOp();
  }
}
