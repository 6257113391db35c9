package io.latentquery.model.loss;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The t-SNE objective of a batch: KL(P||Q) = sum_ij p_ij log(p_ij / q_ij), with P the input-space
 * affinities from {@link TsneAffinities} (fed per batch) and Q the Student-t affinities of the
 * latent points. Both are clamped at {@link #EPSILON} inside the logarithms only, so zero entries
 * (the diagonal, far pairs whose affinity underflowed) contribute exactly 0 and never NaN, and the
 * gradient with respect to z is the t-SNE gradient (2(a + 1) / a) sum_j (p_ij - q_ij) (z_i - z_j) /
 * (1 + ||z_i - z_j||^2 / a).
 */
public final class TsneKlLoss {
  /** Floor of p and q inside the logarithms; far below any affinity of a batch of thousands. */
  public static final float EPSILON = 1e-12f;

  private final StudentTAffinities studentT;

  /**
   * @param degreesOfFreedom a > 0 of the Student-t kernel of Q
   */
  public TsneKlLoss(double degreesOfFreedom) {
    this.studentT = new StudentTAffinities(degreesOfFreedom);
  }

  public double degreesOfFreedom() {
    return studentT.degreesOfFreedom();
  }

  /**
   * @param p joint input-space affinities, shape [B, B], summing to 1
   * @param z latent points of the same batch in the same order, shape [B, L]
   * @return KL(P||Q) in nats, a scalar
   */
  public Operand<TFloat32> call(Ops tf, Operand<TFloat32> p, Operand<TFloat32> z) {
    Ops s = tf.withSubScope("tsne_kl");
    Operand<TFloat32> q = studentT.call(s, z);
    Operand<TFloat32> epsilon = s.constant(EPSILON);
    Operand<TFloat32> logRatio =
        s.math.sub(s.math.log(s.math.maximum(p, epsilon)), s.math.log(s.math.maximum(q, epsilon)));
    return s.reduceSum(s.math.mul(p, logRatio), s.constant(new int[] {0, 1}));
  }
}
