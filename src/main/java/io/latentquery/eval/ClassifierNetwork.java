package io.latentquery.eval;

import io.latentquery.model.Activation;
import io.latentquery.model.Conv2dLayer;
import io.latentquery.model.DenseLayer;
import io.latentquery.model.DropoutLayer;
import io.latentquery.model.MaxPoolLayer;
import io.latentquery.model.ModelContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Builds the classifier's logits [batch, classes] from images [batch, H, W, C] out of the
 * autoencoder's own layers ({@code io.latentquery.model}), so the classifier has the encoder's
 * design and its initialisation: per level 3x3 ReLU convolutions then a 2x2 max-pool, ReLU dense
 * layers (dropout masks fed per batch while training), linear logits.
 */
public final class ClassifierNetwork {
  private static final int KERNEL = 3;

  private final ClassifierArchitecture architecture;
  private final int numClasses;

  public ClassifierNetwork(ClassifierArchitecture architecture, int numClasses) {
    if (numClasses < 2) {
      throw new IllegalArgumentException(
          "a classifier needs at least 2 classes, got " + numClasses);
    }
    this.architecture = architecture;
    this.numClasses = numClasses;
  }

  /**
   * Adds the network to {@code tf}'s graph; {@code images} needs a static height, width and channel
   * count. Its variables are created through {@code context}, in creation order.
   */
  public Operand<TFloat32> logits(Ops tf, ModelContext context, Operand<TFloat32> images) {
    Operand<TFloat32> x = images;
    for (int level = 0; level < architecture.filters().size(); level++) {
      int filters = architecture.filters().get(level);
      for (int c = 0; c < architecture.convsPerLevel(); c++) {
        x =
            new Conv2dLayer(filters, KERNEL, Activation.RELU)
                .apply(tf.withSubScope("conv" + level + "_" + c), context, x);
      }
      x = new MaxPoolLayer().apply(tf.withSubScope("pool" + level), context, x);
    }
    long features = x.shape().get(1) * x.shape().get(2) * x.shape().get(3);
    if (features < 1) {
      throw new IllegalArgumentException(
          "images of "
              + images.shape()
              + " are too small for "
              + architecture.filters().size()
              + " pooling levels");
    }
    x = tf.withName("flatten").reshape(x, tf.constant(new long[] {-1, features}));
    DenseLayers dense = architecture.dense();
    for (int i = 0; i < dense.units().size(); i++) {
      Ops scope = tf.withSubScope("dense" + i);
      x = new DenseLayer(dense.units().get(i), Activation.RELU).apply(scope, context, x);
      x = new DropoutLayer(dense.dropout()).apply(scope, context, x);
    }
    return new DenseLayer(numClasses, Activation.LINEAR)
        .apply(tf.withSubScope("logits"), context, x);
  }
}
