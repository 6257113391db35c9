package io.latentquery.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.latentquery.data.ImageShape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class TrainingOpsTest {
  /** Whether a training graph builds a 3x3 convolution to {@code filters} channels as a tap sum. */
  private static boolean builtAsTapSum(int filters) {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> input =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 5, 5, 4)));
      new Conv2dLayer(filters, 3, Activation.RELU)
          .apply(tf, ModelContext.training(1, ConvLayout.NHWC, TrainingOps.ALL), input);
      var operations = graph.operations();
      boolean matMul = false;
      while (operations.hasNext()) {
        matMul |= ((GraphOperation) operations.next()).type().equals("MatMul");
      }
      return matMul;
    }
  }

  @Test
  void theDescriptionNamesTapSumsOnlyWhenAConvolutionIsBuiltAsOne() {
    for (int fewest = 1; fewest <= 6; fewest++) {
      TrainingOps inModel = TrainingOps.ALL.forFewestFilters(fewest);
      assertEquals(builtAsTapSum(fewest), inModel.tapSum(), "fewest filters " + fewest);
      assertEquals(
          fewest <= 3 ? "fused ReLU, tap sums" : "fused ReLU, no tap sums",
          inModel.describe(),
          "fewest filters " + fewest);
    }
    assertEquals("unfused ReLU, no tap sums", TrainingOps.NONE.forFewestFilters(1).describe());
  }

  @Test
  void theFewestFiltersAreTheNarrowestLevelOrTheImageChannels() {
    assertEquals(1, AutoencoderConfig.builder().build().fewestConvolutionFilters());
    AutoencoderConfig.Builder fourChannels =
        AutoencoderConfig.builder().input(new ImageShape(28, 28, 4));
    assertEquals(4, fourChannels.filters(List.of(8, 8)).build().fewestConvolutionFilters());
    assertEquals(2, fourChannels.filters(List.of(8, 2)).build().fewestConvolutionFilters());
  }
}
