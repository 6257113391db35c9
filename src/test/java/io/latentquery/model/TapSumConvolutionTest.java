package io.latentquery.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tap sum against TensorFlow's own Conv2D and BiasAdd, with TensorFlow's own gradients: the
 * same output and the same gradients with respect to the input, the kernel and the bias, for one,
 * two and three output channels and kernels of 3x3 and 5x5 on maps whose borders the taps cross.
 */
class TapSumConvolutionTest {
  @ParameterizedTest(name = "{0}x{0} kernel to {1} channel(s)")
  @CsvSource({"3, 1", "3, 3", "5, 2"})
  void computesWhatConvolutionAndBiasComputeWithTheSameGradients(int size, int filters) {
    long[] input = {3, 6, 5, 4};
    long[] kernel = {size, size, 4, filters};
    long[] output = {3, 6, 5, filters};
    LayerGradients.Run reference =
        LayerGradients.of(
            (tf, x, k, bias) ->
                tf.nn.biasAdd(tf.nn.conv2d(x, k, List.of(1L, 1L, 1L, 1L), "SAME"), bias),
            input,
            kernel,
            output,
            5);
    LayerGradients.Run tapSum =
        LayerGradients.of(TapSumConvolution::apply, input, kernel, output, 5);
    assertFalse(reference.opTypes().contains("MatMul"));
    assertTrue(tapSum.opTypes().contains("MatMul"), tapSum.opTypes().toString());
    tapSum.assertMatches(reference);
  }
}
