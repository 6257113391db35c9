package io.latentquery.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.TestData;
import io.latentquery.data.Dataset;
import io.latentquery.model.AutoencoderConfig;
import io.latentquery.model.Batch;
import io.latentquery.model.ConvLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Training with NCHW feature maps computes what NHWC computes: same losses, same weights. */
class ConvLayoutTrainingTest {
  private record Run(
      List<Float> losses, Map<String, float[]> weights, float[] reconstruction, List<String> ops) {}

  private static Run train(AutoencoderConfig config, Dataset pool, ConvLayout layout) {
    try (TrainingSession session =
        new TrainingSession(config, 7, 1e-2, new SessionSettings(1, false, layout))) {
      session.initialize();
      List<Float> losses = new ArrayList<>();
      List<String> ops = List.of();
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
          ops = new StepProfile.Builder().add(traced.stats(), traced.wallMicros()).build().types();
          losses.add(session.evaluate(batch).total());
        } else {
          losses.add(session.train(batch).total());
        }
      }
      Batch all = new Batch(pool.batch(0, 64), 64, pool.shape(), false, Seeds.step(7, 2, 0));
      losses.add(session.evaluate(all).total());
      return new Run(losses, session.weights(), session.outputs(all).get("reconstruction"), ops);
    }
  }

  @Test
  void nchwTrainsTheSameModelAsNhwc() {
    Dataset pool = TestData.mnistPool(64);
    // Two levels of two convolutions: the pool, the transposed convolution and NCHW-to-NCHW
    // convolutions.
    AutoencoderConfig config =
        AutoencoderConfig.preset("small", pool.shape()).convolutionsPerLevel(2).build();
    Run nhwc = train(config, pool, ConvLayout.NHWC);
    Run nchw = train(config, pool, ConvLayout.NCHW);
    // NCHW maps enter and leave through transposes; NHWC needs none.
    assertTrue(nchw.ops().stream().anyMatch(t -> t.endsWith("Transpose")), nchw.ops().toString());
    assertTrue(nhwc.ops().stream().noneMatch(t -> t.endsWith("Transpose")), nhwc.ops().toString());
    for (int i = 0; i < nhwc.losses().size(); i++) {
      assertEquals(nhwc.losses().get(i), nchw.losses().get(i), 1e-4, "loss " + i);
    }
    assertEquals(nhwc.weights().keySet(), nchw.weights().keySet());
    double maxDiff = 0;
    for (String name : nhwc.weights().keySet()) {
      float[] a = nhwc.weights().get(name);
      float[] b = nchw.weights().get(name);
      assertEquals(a.length, b.length, name);
      for (int i = 0; i < a.length; i++) {
        maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
      }
    }
    // Four Adam steps of 1e-2 move a weight by up to 0.04; a wrong gradient would flip signs.
    assertTrue(maxDiff < 1e-3, "largest weight difference " + maxDiff);
    float[] a = nhwc.reconstruction();
    float[] b = nchw.reconstruction();
    assertEquals(a.length, b.length);
    for (int i = 0; i < a.length; i++) {
      assertEquals(a[i], b[i], 1e-4, "reconstruction pixel " + i);
    }
  }
}
