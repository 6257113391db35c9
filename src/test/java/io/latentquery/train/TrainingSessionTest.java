package io.latentquery.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.TestData;
import io.latentquery.data.Dataset;
import io.latentquery.model.AutoencoderConfig;
import io.latentquery.model.Batch;
import org.junit.jupiter.api.Test;

class TrainingSessionTest {

  @Test
  void smallAutoencoderLossFallsOnMnistWithinHundredSteps() {
    Dataset pool = TestData.mnistPool(500);
    AutoencoderConfig config = AutoencoderConfig.preset("small", pool.shape()).build();
    try (TrainingSession session = new TrainingSession(config, 42, 1e-3, 2)) {
      session.initialize();
      Batch all =
          new Batch(
              pool.batch(0, pool.size()), pool.size(), pool.shape(), false, Seeds.step(42, 0, 0));
      float initial = session.evaluate(all).total();
      int step = 0;
      for (int epoch = 1; step < 100; epoch++) {
        int[] order = Seeds.epochOrder(42, epoch, pool.size());
        for (int from = 0; from + 32 <= order.length && step < 100; from += 32) {
          int[] indices = java.util.Arrays.copyOfRange(order, from, from + 32);
          session.train(
              new Batch(
                  pool.batch(indices), 32, pool.shape(), true, Seeds.step(42, epoch, ++step)));
        }
      }
      float last = session.evaluate(all).total();
      // MNIST BCE starts near ln 2 = 0.69; predicting the mean image alone gives about 0.27.
      assertTrue(initial > 0.6, "initial loss " + initial);
      assertTrue(
          last < 0.7 * initial && last < 0.3, "loss fell from " + initial + " only to " + last);
    }
  }
}
