package io.latentquery.eval;

import io.latentquery.data.ImageShape;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Builds the classifier's logits [batch, classes] from images [batch, H, W, C]. */
public final class ClassifierNetwork {
  private final ClassifierArchitecture architecture;
  private final ImageShape shape;
  private final int numClasses;

  public ClassifierNetwork(ClassifierArchitecture architecture, ImageShape shape, int numClasses) {
    if (numClasses < 2) {
      throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + numClasses);
    }
    this.architecture = architecture;
    this.shape = shape;
    this.numClasses = numClasses;
  }

  /** Adds the network to {@code tf}'s graph; its variables are created through {@code weights}. */
  public Operand<TFloat32> logits(Ops tf, Operand<TFloat32> images, Weights weights) {
    Operand<TFloat32> x = images;
    int channels = shape.channels();
    int height = shape.height();
    int width = shape.width();
    int level = 0;
    for (int filters : architecture.filters()) {
      for (int c = 0; c < architecture.convsPerLevel(); c++) {
        x = new Conv2dLayer("conv" + level + "_" + c, channels, filters, weights).call(tf, x);
        channels = filters;
      }
      x = new MaxPoolLayer().call(tf.withSubScope("pool" + level), x);
      height = MaxPoolLayer.outputSize(height);
      width = MaxPoolLayer.outputSize(width);
      level++;
    }
    int features = Math.multiplyExact(Math.multiplyExact(height, width), channels);
    x = tf.reshape(x, tf.array(-1, features));
    int inputs = features;
    int index = 0;
    for (int units : architecture.dense()) {
      x = DenseLayer.relu("dense" + index++, inputs, units, weights).call(tf, x);
      inputs = units;
    }
    return DenseLayer.linear("logits", inputs, numClasses, weights).call(tf, x);
  }
}
