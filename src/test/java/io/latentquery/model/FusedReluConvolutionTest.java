package io.latentquery.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fused convolution against TensorFlow's own Conv2D, BiasAdd and Relu, with TensorFlow's own
 * gradients: the same output and the same gradients with respect to the input, the kernel and the
 * bias, on data where about half the pre-activations are negative.
 */
class FusedReluConvolutionTest {
  private static final long[] INPUT = {3, 6, 5, 4};
  private static final long[] KERNEL = {3, 3, 4, 7};
  private static final long[] OUTPUT = {3, 6, 5, 7};

  @Test
  void computesWhatConvolutionBiasAndReluComputeWithTheSameGradients() {
    LayerGradients.Run reference =
        LayerGradients.of(
            (tf, input, kernel, bias) ->
                tf.nn.relu(
                    tf.nn.biasAdd(
                        tf.nn.conv2d(input, kernel, List.of(1L, 1L, 1L, 1L), "SAME"), bias)),
            INPUT,
            KERNEL,
            OUTPUT,
            11);
    LayerGradients.Run fused =
        LayerGradients.of(FusedReluConvolution::apply, INPUT, KERNEL, OUTPUT, 11);
    assertFalse(reference.opTypes().contains("_FusedConv2D"));
    assertTrue(fused.opTypes().contains("_FusedConv2D"), fused.opTypes().toString());
    float[] output = reference.values().get(0);
    long zeros = 0;
    for (float value : output) {
      zeros += value == 0 ? 1 : 0;
    }
    assertTrue(
        zeros > output.length / 4 && zeros < output.length * 3 / 4,
        zeros + " of " + output.length + " outputs cut by the ReLU");
    fused.assertMatches(reference);
  }
}
