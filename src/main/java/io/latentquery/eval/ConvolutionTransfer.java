package io.latentquery.eval;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Starts a classifier's convolutions from an encoder's: one assign per kernel and bias, built into
 * the classifier's graph, run once after the variables are initialised. The classifier's first
 * variables are its convolutions' kernel and bias in order ({@link ClassifierNetwork} creates them
 * so), and each must have the shape of the encoder's.
 */
final class ConvolutionTransfer {
  private final List<EncoderConvolutions.Convolution> convolutions;
  private final List<Placeholder<TFloat32>> feeds = new ArrayList<>();
  private final List<Op> assigns = new ArrayList<>();

  private ConvolutionTransfer(List<EncoderConvolutions.Convolution> convolutions) {
    this.convolutions = convolutions;
  }

  /** Adds the assigns for the classifier {@code variables} (in creation order) to the graph. */
  static ConvolutionTransfer prepare(
      Ops tf, List<Variable<TFloat32>> variables, EncoderConvolutions source) {
    ConvolutionTransfer transfer = new ConvolutionTransfer(source.all());
    Ops scope = tf.withSubScope("transfer");
    for (int i = 0; i < transfer.convolutions.size(); i++) {
      EncoderConvolutions.Convolution convolution = transfer.convolutions.get(i);
      Shape kernelShape = Shape.of(convolution.shape());
      Shape biasShape = Shape.of(convolution.outChannels());
      transfer.add(scope, variables.get(2 * i), kernelShape, convolution.name());
      transfer.add(scope, variables.get(2 * i + 1), biasShape, convolution.name() + " bias");
    }
    return transfer;
  }

  private void add(Ops tf, Variable<TFloat32> variable, Shape shape, String what) {
    if (!variable.shape().equals(shape)) {
      throw new IllegalStateException(
          "classifier variable "
              + variable
              + " is "
              + variable.shape()
              + ", "
              + what
              + " is "
              + shape);
    }
    Placeholder<TFloat32> feed = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
    feeds.add(feed);
    assigns.add(tf.assign(variable, feed));
  }

  /** Copies the encoder's weights into the initialised classifier. */
  void load(Session session) {
    for (int i = 0; i < convolutions.size(); i++) {
      EncoderConvolutions.Convolution convolution = convolutions.get(i);
      try (TFloat32 kernel =
              TFloat32.tensorOf(
                  Shape.of(convolution.shape()),
                  org.tensorflow.ndarray.buffer.DataBuffers.of(convolution.kernel(), true, false));
          TFloat32 bias =
              TFloat32.tensorOf(
                  Shape.of(convolution.outChannels()),
                  org.tensorflow.ndarray.buffer.DataBuffers.of(convolution.bias(), true, false));
          Result result =
              session
                  .runner()
                  .feed(feeds.get(2 * i), kernel)
                  .feed(feeds.get(2 * i + 1), bias)
                  .addTarget(assigns.get(2 * i))
                  .addTarget(assigns.get(2 * i + 1))
                  .run()) {
        // The assigns are targets; nothing to read.
      }
    }
  }
}
