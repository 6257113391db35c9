package io.latentquery.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.TestData;
import org.junit.jupiter.api.Test;

class MnistFetchTest {
  @Test
  void builtInMnistIsSplitAsInTheMethod() {
    SplitDataset mnist = TestData.catalog().open(DataRequest.of("mnist"));
    Dataset pool = mnist.split(Split.POOL);
    Dataset validation = mnist.split(Split.VALIDATION);
    Dataset test = mnist.split(Split.TEST);
    assertEquals(50_000, pool.size());
    assertEquals(10_000, validation.size());
    assertEquals(10_000, test.size());
    assertEquals(new ImageShape(28, 28, 1), pool.shape());
    assertEquals("50000", validation.id(0), "validation keeps the training file's ids");
    // The first MNIST training image is a 5, the first test image a 7.
    assertEquals(5, pool.label(0));
    assertEquals(7, test.label(0));
    float[] image = pool.image(0);
    float max = 0;
    for (float v : image) {
      assertTrue(v >= 0f && v <= 1f);
      max = Math.max(max, v);
    }
    assertEquals(1f, max, 1e-6f);
  }
}
