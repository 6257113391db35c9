package io.latentquery.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The optimizers the classifier can be trained with, each building one update op over an explicit
 * variable list.
 *
 * <p>Built here rather than taken from tensorflow-framework 1.1.0, for repeatable runs: that Adam
 * updates its beta powers with no ordering against the ApplyAdam ops that read them, and no
 * optimizer there waits for all gradients before changing variables, so two runs with the same
 * seed differed (measured: step-2 losses 1.21 and 1.47 from identical graphs and feeds).
 */
public enum OptimizerKind {
  ADAM,
  SGD;

  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-7f;

  /**
   * The op applying {@code gradients[i]} to {@code variables.get(i)}; slot variables are created at
   * the graph root with names derived from the variables'.
   */
  public Op update(Ops tf, List<Variable<TFloat32>> variables, Output<?>[] gradients, float learningRate) {
    if (variables.size() != gradients.length) {
      throw new IllegalArgumentException(variables.size() + " variables but " + gradients.length + " gradients");
    }
    Ops base = Ops.create(tf.scope().env()).withSubScope(name().toLowerCase(Locale.ROOT));
    List<Op> ready = new ArrayList<>();
    for (Output<?> g : gradients) {
      ready.add(base.identity(gradient(g)));
    }
    // No variable may change before every gradient is computed: with reference variables an update
    // could otherwise overtake a backward op still reading that variable, and runs would differ.
    Ops root = base.withControlDependencies(List.of(base.withControlDependencies(ready).withName("gradients_ready").noOp()));
    Operand<TFloat32> rate = root.constant(learningRate);
    List<Op> updates = new ArrayList<>();
    if (this == SGD) {
      for (int i = 0; i < gradients.length; i++) {
        updates.add(root.train.applyGradientDescent(variables.get(i), rate, gradient(gradients[i])));
      }
      return root.withControlDependencies(updates).withName("step").noOp();
    }
    Variable<TFloat32> beta1Power = scalar(root, "beta1_power", BETA1);
    Variable<TFloat32> beta2Power = scalar(root, "beta2_power", BETA2);
    Operand<TFloat32> beta1 = root.constant(BETA1);
    Operand<TFloat32> beta2 = root.constant(BETA2);
    Operand<TFloat32> epsilon = root.constant(EPSILON);
    for (int i = 0; i < gradients.length; i++) {
      Variable<TFloat32> variable = variables.get(i);
      Variable<TFloat32> m = zerosLike(root, variable, "m");
      Variable<TFloat32> v = zerosLike(root, variable, "v");
      updates.add(
          root.train.applyAdam(variable, m, v, beta1Power, beta2Power, rate, beta1, beta2, epsilon, gradient(gradients[i])));
    }
    Ops after = root.withControlDependencies(updates);
    Op nextBeta1 = after.assign(beta1Power, after.math.mul(beta1Power, beta1));
    Op nextBeta2 = after.assign(beta2Power, after.math.mul(beta2Power, beta2));
    return root.withControlDependencies(List.of(nextBeta1, nextBeta2)).withName("step").noOp();
  }

  @SuppressWarnings("unchecked")
  private static Output<TFloat32> gradient(Output<?> gradient) {
    return (Output<TFloat32>) gradient;
  }

  private static Variable<TFloat32> scalar(Ops root, String name, float value) {
    return root.withName(name).variable(root.withInitScope().constant(value));
  }

  private static Variable<TFloat32> zerosLike(Ops root, Variable<TFloat32> variable, String slot) {
    Ops init = root.withInitScope();
    Operand<TFloat32> zeros = init.zeros(init.constant(variable.shape().asArray()), TFloat32.class);
    return root.withName(variable.op().name().replace('/', '.') + "-" + slot).variable(zeros);
  }

  public static OptimizerKind parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("optimizer must be adam or sgd, got '" + text + "'");
    }
  }
}
