package io.latentquery.train;

import io.latentquery.data.ImageShape;
import io.latentquery.model.AutoencoderConfig;
import org.junit.jupiter.api.Test;

class DebugBenchTest {
  @Test
  void bench() {
    var config = AutoencoderConfig.preset("paper", new ImageShape(28, 28, 1)).build();
    int threads = Integer.getInteger("bench.threads", 2);
    var r = new TrainingBenchmark(config, 64, threads, 5, 20).run(null);
    System.out.println("DBG " + r);
  }
}
