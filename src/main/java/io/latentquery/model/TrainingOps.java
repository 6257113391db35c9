package io.latentquery.model;

/**
 * Which faster forms of the model's ops a training graph builds. Each computes the same values and
 * gradients as the standard ops, to float rounding; inference graphs and exported SavedModels build
 * the standard ops.
 *
 * @param fusedRelu NHWC convolutions with a ReLU as one op ({@link FusedReluConvolution})
 * @param tapSum NHWC convolutions to at most {@value #TAP_SUM_MAX_FILTERS} channels, such as the
 *     decoder's logits, as a matrix product and a shift-and-add ({@link TapSumConvolution})
 */
public record TrainingOps(boolean fusedRelu, boolean tapSum) {
  /** Every faster form: what {@code lq train} builds. */
  public static final TrainingOps ALL = new TrainingOps(true, true);

  /** The standard ops only. */
  public static final TrainingOps NONE = new TrainingOps(false, false);

  /** The most output channels a convolution may have to be built as a tap sum. */
  public static final int TAP_SUM_MAX_FILTERS = 3;

  /**
   * The forms that take effect with feature maps in {@code layout}: both need NHWC, and the fused
   * ReLU needs its gradient registered ({@link FusedReluConvolution#available()}).
   */
  public TrainingOps in(ConvLayout layout) {
    boolean nhwc = layout == ConvLayout.NHWC;
    return new TrainingOps(fusedRelu && nhwc && FusedReluConvolution.available(), tapSum && nhwc);
  }

  /**
   * The forms that take effect in a model whose convolutions have {@code fewestFilters} output
   * channels at fewest: the tap sum needs one with at most {@value #TAP_SUM_MAX_FILTERS}.
   */
  public TrainingOps forFewestFilters(int fewestFilters) {
    return new TrainingOps(fusedRelu, tapSum && fewestFilters <= TAP_SUM_MAX_FILTERS);
  }

  /** The forms in words: "fused ReLU, tap sums", "unfused ReLU, no tap sums" and so on. */
  public String describe() {
    return (fusedRelu ? "fused ReLU" : "unfused ReLU")
        + ", "
        + (tapSum ? "tap sums" : "no tap sums");
  }
}
