package io.latentquery.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.latentquery.contract.SavedModelContract;
import io.latentquery.data.ImageShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** The reparameterised sample z = mu + eps * exp(logvar / 2) that training decodes. */
class GaussianHeadTest {
  private static final float LN4 = (float) Math.log(4);
  private static final float[][] MU = {{0.5f, -1f}, {2f, 0f}};
  private static final float[][] LOGVAR = {{0f, LN4}, {-LN4, 2f}};
  private static final float[] EPS = {1f, -0.5f, 2f, 3f};
  private static final float E = (float) Math.E;

  @Test
  void sampleIsMuPlusSigmaTimesTheFedNoise() {
    // sigma = exp(logvar / 2) = {{1, 2}, {0.5, e}}; z = mu + sigma * eps by hand:
    // 0.5 + 1 * 1 = 1.5; -1 + 2 * -0.5 = -2; 2 + 0.5 * 2 = 3; 0 + e * 3 = 8.154845.
    float[] expected = {1.5f, -2f, 3f, 3 * E};
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Sample sample = sample(tf);
      try (TFloat32 eps = Tensors.of(new long[] {2, 2}, EPS);
          Result result = session.runner().feed(sample.noise, eps).fetch(sample.z).run()) {
        assertArrayEquals(expected, Tensors.read((TFloat32) result.get(0)), 1e-6f);
      }
    }
  }

  @Test
  void gradientReachesMuAndLogvar() {
    // d sum(z) / d mu = 1; d sum(z) / d logvar = eps * sigma / 2 = {{0.5, -0.5}, {0.5, 1.5 e}}.
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Sample sample = sample(tf);
      Operand<TFloat32> total = tf.reduceSum(sample.z, tf.constant(new int[] {0, 1}));
      Output<?>[] gradients =
          graph.addGradients(
              total.asOutput(), new Output<?>[] {sample.mu.asOutput(), sample.logvar.asOutput()});
      try (TFloat32 eps = Tensors.of(new long[] {2, 2}, EPS);
          Result result =
              session
                  .runner()
                  .feed(sample.noise, eps)
                  .fetch(gradients[0])
                  .fetch(gradients[1])
                  .run()) {
        assertArrayEquals(
            new float[] {1f, 1f, 1f, 1f}, Tensors.read((TFloat32) result.get(0)), 1e-6f);
        assertArrayEquals(
            new float[] {0.5f, -0.5f, 0.5f, 1.5f * E},
            Tensors.read((TFloat32) result.get(1)),
            1e-6f);
      }
    }
  }

  @Test
  void noiseIsDrawnFromTheBatchGeneratorForEveryBatch() {
    ImageShape shape = new ImageShape(2, 2, 1);
    try (Graph graph = new Graph()) {
      ModelContext context = ModelContext.training(1);
      Sample sample = sample(Ops.create(graph), context);
      BatchFeed feed = context.feeds().get(sample.noise);
      for (boolean training : new boolean[] {true, false}) {
        Batch batch = new Batch(new float[3 * 4], 3, shape, training, new SplittableRandom(9));
        FeedValue value = feed.compute(batch);
        assertArrayEquals(new long[] {3, 2}, value.shape());
        SplittableRandom reference = new SplittableRandom(9);
        for (float v : value.values()) {
          assertEquals((float) reference.nextGaussian(), v, "training " + training);
        }
      }
    }
  }

  private record Sample(
      Operand<TFloat32> mu,
      Operand<TFloat32> logvar,
      Placeholder<TFloat32> noise,
      Operand<TFloat32> z) {}

  private static Sample sample(Ops tf) {
    return sample(tf, ModelContext.training(1));
  }

  /** z of the constant posterior MU, LOGVAR; the noise placeholder is the head's only feed. */
  private static Sample sample(Ops tf, ModelContext context) {
    Operand<TFloat32> mu = tf.constant(MU);
    Operand<TFloat32> logvar = tf.constant(LOGVAR);
    Operand<TFloat32> z =
        new GaussianHead(2)
            .trainingCode(
                tf,
                context,
                Map.of(SavedModelContract.LATENT, mu, SavedModelContract.LATENT_LOGVAR, logvar));
    List<Placeholder<TFloat32>> feeds = new ArrayList<>(context.feeds().keySet());
    assertEquals(1, feeds.size(), "one feed, the noise");
    assertEquals("noise", feeds.get(0).op().name());
    return new Sample(mu, logvar, feeds.get(0), z);
  }
}
