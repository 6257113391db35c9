package io.latentquery.model.loss;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Latent-space affinities Q of a batch under a Student-t kernel with {@code a} degrees of freedom:
 * q_ij = (1 + ||z_i - z_j||^2 / a)^(-(a + 1) / 2) / sum_{k != l} (1 + ||z_k - z_l||^2 / a)^(-(a +
 * 1) / 2), q_ii = 0. The heavy tail lets moderately similar images sit far apart in a
 * low-dimensional space without a large penalty (the crowding problem, van der Maaten 2009).
 *
 * <p>Stateless; the batch size is read from z at run time, so one graph serves every batch size.
 * Differences are taken pairwise rather than through the Gram matrix, so near-duplicate latent
 * points get exact small distances instead of float cancellation noise.
 */
public final class StudentTAffinities {
  private final double degreesOfFreedom;

  /**
   * @param degreesOfFreedom a > 0; 1 gives the Cauchy kernel of t-SNE
   */
  public StudentTAffinities(double degreesOfFreedom) {
    TsneSettings.checkDegreesOfFreedom(degreesOfFreedom);
    this.degreesOfFreedom = degreesOfFreedom;
  }

  public double degreesOfFreedom() {
    return degreesOfFreedom;
  }

  /**
   * @param z latent points, shape [B, L]
   * @return Q, shape [B, B]: symmetric, zero diagonal, summing to 1
   */
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> z) {
    Ops s = tf.withSubScope("student_t");
    Operand<TFloat32> differences =
        s.math.sub(s.expandDims(z, s.constant(1)), s.expandDims(z, s.constant(0)));
    Operand<TFloat32> squared = s.reduceSum(s.math.square(differences), s.constant(2));
    // (1 + d / a)^(-(a + 1) / 2) as exp(-(a + 1) / 2 * log1p(d / a)): exact at d = 0, and every
    // op on the way has a gradient in the C++ registry that TF Java uses.
    Operand<TFloat32> kernel =
        s.math.exp(
            s.math.mul(
                s.constant((float) (-(degreesOfFreedom + 1) / 2)),
                s.math.log1p(s.math.div(squared, s.constant((float) degreesOfFreedom)))));
    Operand<TFloat32> offDiagonal = s.math.mul(kernel, offDiagonalMask(s, z));
    return s.math.div(offDiagonal, s.reduceSum(offDiagonal, s.constant(new int[] {0, 1})));
  }

  /** 1 - I of size B x B, B taken from z's shape; a constant for the gradient. */
  private static Operand<TFloat32> offDiagonalMask(Ops s, Operand<TFloat32> z) {
    Operand<TInt32> batch = s.squeeze(s.shape.size(s.shape(z), s.constant(0)));
    Operand<TFloat32> identity =
        s.oneHot(
            s.range(s.constant(0), batch, s.constant(1)), batch, s.constant(1f), s.constant(0f));
    return s.stopGradient(s.math.sub(s.constant(1f), identity));
  }
}
