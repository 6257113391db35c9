package io.latentquery.inference;

import java.util.Locale;

/**
 * How far a reconstruction is from its image, per example, averaged over every pixel and channel.
 * Both are computed here from the image and the SavedModel's reconstruction, so any autoencoder
 * that outputs pixel values in [0, 1] is measured the same way.
 */
public enum ReconstructionError {
  /**
   * Binary cross-entropy -[x log r + (1 - x) log(1 - r)], the loss the project's autoencoders
   * minimise, with r clipped to [{@value #EPSILON}, 1 - {@value #EPSILON}] so that a saturated
   * sigmoid output (exactly 0 or 1 in float) costs a finite amount.
   */
  BCE("binary cross-entropy, the training loss, r clipped to [1e-7, 1 - 1e-7]"),
  /** Mean absolute error |x - r|. */
  L1("mean absolute error");

  /** The default: the measure the autoencoder was trained to minimise. */
  public static final ReconstructionError DEFAULT = BCE;

  /** The clip applied to reconstructions before the logarithms of {@link #BCE}. */
  public static final double EPSILON = 1e-7;

  private final String description;

  ReconstructionError(String description) {
    this.description = description;
  }

  /** The name on the command line and in records: {@code bce} or {@code l1}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** What the measure is, in words, for records. */
  public String description() {
    return description;
  }

  public static ReconstructionError parse(String text) {
    for (ReconstructionError measure : values()) {
      if (measure.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return measure;
      }
    }
    throw new IllegalArgumentException("--error must be bce or l1, got '" + text + "'");
  }

  /**
   * The error of each of {@code count} examples, {@code images} and {@code rebuilt} row-major with
   * the same number of values per example.
   */
  public double[] perExample(float[] images, float[] rebuilt, int count) {
    if (images.length != rebuilt.length) {
      throw new IllegalArgumentException(
          images.length + " image values but " + rebuilt.length + " reconstructed values");
    }
    double[] errors = new double[count];
    if (count == 0) {
      return errors;
    }
    int size = images.length / count;
    for (int i = 0; i < count; i++) {
      double sum = 0;
      for (int k = i * size; k < (i + 1) * size; k++) {
        sum += pixel(images[k], rebuilt[k]);
      }
      errors[i] = sum / size;
    }
    return errors;
  }

  private double pixel(double x, double r) {
    if (this == L1) {
      return Math.abs(x - r);
    }
    double clipped = Math.min(Math.max(r, EPSILON), 1 - EPSILON);
    return -(x * Math.log(clipped) + (1 - x) * Math.log(1 - clipped));
  }
}
