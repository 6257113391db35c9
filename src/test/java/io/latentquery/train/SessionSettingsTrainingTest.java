package io.latentquery.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.TestData;
import io.latentquery.data.Dataset;
import io.latentquery.model.AutoencoderConfig;
import io.latentquery.model.Batch;
import io.latentquery.model.ConvLayout;
import io.latentquery.model.TrainingOps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Settings that change how a training step runs, not what it computes, train the same model: NCHW
 * feature maps against NHWC, fused against unfused ReLUs, the logits as a tap sum against a
 * convolution, and two inter-op threads against one give the same losses, weights and
 * reconstructions.
 */
class SessionSettingsTrainingTest {
  private record Run(
      List<Float> losses,
      Map<String, float[]> weights,
      float[] reconstruction,
      Map<String, Integer> nodesByType) {}

  private static Run train(AutoencoderConfig config, Dataset pool, SessionSettings settings) {
    try (TrainingSession session = new TrainingSession(config, 7, 1e-2, settings)) {
      session.initialize();
      List<Float> losses = new ArrayList<>();
      Map<String, Integer> nodesByType = Map.of();
      for (int step = 0; step < 4; step++) {
        Batch batch =
            new Batch(
                pool.batch(step * 16, step * 16 + 16),
                16,
                pool.shape(),
                true,
                Seeds.step(7, 1, step));
        if (step == 0) {
          TrainingSession.TracedStep traced = session.trace(batch);
          StepProfile profile =
              new StepProfile.Builder().add(traced.stats(), traced.wallMicros()).build();
          nodesByType =
              profile.ops().stream()
                  .collect(Collectors.toMap(StepProfile.OpTime::type, StepProfile.OpTime::nodes));
          losses.add(session.evaluate(batch).total());
        } else {
          losses.add(session.train(batch).total());
        }
      }
      Batch all = new Batch(pool.batch(0, 64), 64, pool.shape(), false, Seeds.step(7, 2, 0));
      losses.add(session.evaluate(all).total());
      return new Run(
          losses, session.weights(), session.outputs(all).get("reconstruction"), nodesByType);
    }
  }

  /** Two levels of two convolutions: the pool, the transposed convolution, and convolutions. */
  private static AutoencoderConfig config(Dataset pool) {
    return AutoencoderConfig.preset("small", pool.shape()).convolutionsPerLevel(2).build();
  }

  /** One thread, one op at a time, no XLA: only the layout and the op forms vary. */
  private static Run train(Dataset pool, ConvLayout layout, TrainingOps ops) {
    return train(config(pool), pool, new SessionSettings(1, 1, false, layout, ops));
  }

  @Test
  void nchwTrainsTheSameModelAsNhwc() {
    Dataset pool = TestData.mnistPool(64);
    Run nhwc = train(pool, ConvLayout.NHWC, TrainingOps.NONE);
    Run nchw = train(pool, ConvLayout.NCHW, TrainingOps.NONE);
    // NCHW maps enter and leave through transposes; NHWC needs none.
    assertTrue(transposes(nchw) > 0, nchw.nodesByType().toString());
    assertEquals(0, transposes(nhwc), nhwc.nodesByType().toString());
    // Four Adam steps of 1e-2 move a weight by up to 0.04; a wrong gradient would flip signs.
    assertSameModel(nhwc, nchw, 1e-4, 1e-3);
  }

  @Test
  void fusedReluTrainsTheSameModelAsUnfused() {
    Dataset pool = TestData.mnistPool(64);
    Run unfused = train(pool, ConvLayout.NHWC, TrainingOps.NONE);
    Run fused = train(pool, ConvLayout.NHWC, new TrainingOps(true, false));
    // The ReLUs after convolutions run inside oneDNN's convolution; the dense layers keep theirs.
    // Eight 3x3 convolutions with a ReLU (two levels of two, in the encoder and the decoder).
    assertEquals(
        unfused.nodesByType().get("Relu") - 8,
        fused.nodesByType().getOrDefault("Relu", 0),
        unfused.nodesByType() + " against " + fused.nodesByType());
    assertSameModel(unfused, fused, 1e-6, 1e-6);
  }

  @Test
  void tapSumLogitsTrainTheSameModelAsAConvolution() {
    Dataset pool = TestData.mnistPool(64);
    Run convolution = train(pool, ConvLayout.NHWC, new TrainingOps(true, false));
    Run tapSum = train(pool, ConvLayout.NHWC, TrainingOps.ALL);
    // The logits' convolution to one channel becomes a matrix product in the forward pass and two
    // in its gradients; its forward convolution becomes the shift-and-add.
    assertEquals(
        matMuls(convolution) + 3,
        matMuls(tapSum),
        convolution.nodesByType() + " against " + tapSum.nodesByType());
    // The additions run in another order: weights agree to a few float roundings, not bit for bit.
    assertSameModel(convolution, tapSum, 1e-6, 1e-5);
  }

  @Test
  void twoOpsAtOnceTrainTheSameModelAsOne() {
    Dataset pool = TestData.mnistPool(64);
    Run one =
        train(
            config(pool), pool, new SessionSettings(2, 1, false, ConvLayout.NHWC, TrainingOps.ALL));
    Run two =
        train(
            config(pool), pool, new SessionSettings(2, 2, false, ConvLayout.NHWC, TrainingOps.ALL));
    assertSameModel(one, two, 1e-6, 1e-6);
  }

  private static int transposes(Run run) {
    return nodes(run, "Transpose");
  }

  private static int matMuls(Run run) {
    return nodes(run, "MatMul");
  }

  /** Nodes per step whose op type, as the runtime ran it, ends with {@code suffix}. */
  private static int nodes(Run run, String suffix) {
    return run.nodesByType().entrySet().stream()
        .filter(e -> e.getKey().endsWith(suffix))
        .mapToInt(Map.Entry::getValue)
        .sum();
  }

  private static void assertSameModel(Run a, Run b, double lossTolerance, double tolerance) {
    for (int i = 0; i < a.losses().size(); i++) {
      assertEquals(a.losses().get(i), b.losses().get(i), lossTolerance, "loss " + i);
    }
    assertEquals(a.weights().keySet(), b.weights().keySet());
    double maxDiff = 0;
    for (String name : a.weights().keySet()) {
      float[] x = a.weights().get(name);
      float[] y = b.weights().get(name);
      assertEquals(x.length, y.length, name);
      for (int i = 0; i < x.length; i++) {
        maxDiff = Math.max(maxDiff, Math.abs(x[i] - y[i]));
      }
    }
    assertTrue(maxDiff < tolerance, "largest weight difference " + maxDiff);
    float[] x = a.reconstruction();
    float[] y = b.reconstruction();
    assertEquals(x.length, y.length);
    for (int i = 0; i < x.length; i++) {
      assertEquals(x[i], y[i], lossTolerance, "reconstruction pixel " + i);
    }
  }
}
