package io.latentquery.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TrainingOpsTest {
  @Test
  void theDescriptionNamesTapSumsOnlyWhenAConvolutionIsBuiltAsOne() {
    ModelContext training = ModelContext.training(1, ConvLayout.NHWC, TrainingOps.ALL);
    for (int fewest = 1; fewest <= 6; fewest++) {
      TrainingOps inModel = TrainingOps.ALL.forFewestFilters(fewest);
      assertEquals(training.sumsTaps(fewest), inModel.tapSum(), "fewest filters " + fewest);
      assertEquals(
          fewest <= 3 ? "fused ReLU, tap sums" : "fused ReLU, no tap sums",
          inModel.describe(),
          "fewest filters " + fewest);
    }
    assertEquals("unfused ReLU, no tap sums", TrainingOps.NONE.forFewestFilters(1).describe());
  }
}
