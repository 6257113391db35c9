package io.latentquery.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.contract.SavedModelContract;
import io.latentquery.data.ImageShape;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class AutoencoderTest {

  private static void assertShapes(AutoencoderConfig config) {
    ImageShape shape = config.input();
    int batch = 3;
    AutoencoderModel model = config.kind().create(config);
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> images =
          tf.placeholder(
              TFloat32.class,
              Placeholder.shape(Shape.of(-1, shape.height(), shape.width(), shape.channels())));
      ModelContext context = ModelContext.training(7);
      var latent = model.encode(tf, context, images).get(SavedModelContract.LATENT);
      var reconstruction = model.decode(tf, context, latent);
      float[] pixels = new float[batch * shape.size()];
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = (i % 17) / 17f;
      }
      try (TFloat32 input = Tensors.of(shape.batchShape(batch), pixels);
          Result result =
              session.runner().feed(images, input).fetch(latent).fetch(reconstruction).run()) {
        assertArrayEquals(new long[] {batch, config.latentDim()}, result.get(0).shape().asArray());
        assertArrayEquals(shape.batchShape(batch), result.get(1).shape().asArray());
        TFloat32 out = (TFloat32) result.get(1);
        float first = out.getFloat(0, 0, 0, 0);
        assertTrue(first > 0 && first < 1, "sigmoid output in (0,1), got " + first);
      }
    }
  }

  @Test
  void paperShapesOnMnistSizedImages() {
    assertShapes(AutoencoderConfig.preset("paper", new ImageShape(28, 28, 1)).build());
  }

  @Test
  void smallShapesOnColourImages() {
    assertShapes(AutoencoderConfig.preset("small", new ImageShape(32, 32, 3)).latentDim(3).build());
  }

  @Test
  void paperShapesOnColourImages() {
    assertShapes(AutoencoderConfig.preset("paper", new ImageShape(32, 32, 3)).build());
  }

  @Test
  void variableNamesAgreeBetweenTrainingAndInferenceGraphs() {
    AutoencoderConfig config = AutoencoderConfig.preset("small", new ImageShape(28, 28, 1)).build();
    AutoencoderModel model = config.kind().create(config);
    Set<String> training = new HashSet<>();
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      ModelContext context = ModelContext.training(1);
      model.training(
          tf, context, tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 28, 28, 1))));
      context.variables().forEach(v -> training.add(v.op().name()));
    }
    Set<String> inference = new HashSet<>();
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      ModelContext context = ModelContext.inference();
      var latent =
          model.encode(
              tf,
              context,
              tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 28, 28, 1))));
      model.decode(tf, context, latent.get(SavedModelContract.LATENT));
      context.variables().forEach(v -> inference.add(v.op().name()));
    }
    assertEquals(training, inference);
    assertTrue(training.contains("encoder/level1/conv1/kernel"), training.toString());
    assertTrue(training.contains("encoder/latent/kernel"), training.toString());
    assertTrue(training.contains("decoder/level1/up/kernel"), training.toString());
    assertTrue(training.contains("decoder/logits/bias"), training.toString());
  }

  @Test
  void initialKernelsAreSignedAndScaled() {
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      ModelContext context = ModelContext.training(3);
      Shape kernelShape = Shape.of(3, 3, 64, 32);
      Initializer init = Initializer.forKernel(kernelShape, Initializer.Rule.HE);
      assertEquals(3 * 3 * 64, init.fanIn());
      assertEquals(3 * 3 * 32, init.fanOut());
      Variable<TFloat32> kernel = context.variable(tf, "kernel", kernelShape, init);
      session.initialize();
      try (Result result = session.runner().fetch(kernel).run()) {
        TFloat32 values = (TFloat32) result.get(0);
        double limit = Math.sqrt(6.0 / (3 * 3 * 64));
        float[] all = new float[(int) kernelShape.size()];
        values.asRawTensor().data().asFloats().read(all);
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        double sumSquares = 0;
        for (float v : all) {
          min = Math.min(min, v);
          max = Math.max(max, v);
          sumSquares += v * v;
        }
        assertTrue(min < -0.9 * limit && min >= -limit, "min " + min + " limit " + limit);
        assertTrue(max > 0.9 * limit && max <= limit, "max " + max + " limit " + limit);
        // Uniform on [-a, a] has variance a^2/3 = 2/fanIn.
        assertEquals(2.0 / (3 * 3 * 64), sumSquares / all.length, 0.1 * 2.0 / (3 * 3 * 64));
      }
    }
  }

  @Test
  void trainingGraphNamesItsLossTerms() {
    AutoencoderConfig config =
        AutoencoderConfig.preset("small", new ImageShape(28, 28, 1)).dropout(0.5).build();
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      ModelContext context = ModelContext.training(1);
      TrainingGraph training =
          config
              .kind()
              .create(config)
              .training(
                  tf,
                  context,
                  tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 28, 28, 1))));
      assertEquals(List.of(ReconstructionTerm.NAME), List.copyOf(training.lossTerms().keySet()));
      assertEquals(2, context.feeds().size(), "one dropout mask per dense layer");
    }
  }
}
