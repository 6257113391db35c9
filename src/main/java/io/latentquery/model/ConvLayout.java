package io.latentquery.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The memory layout of the feature maps between a model's convolutions: NHWC (batch, height, width,
 * channels), TensorFlow's default and the only layout its plain CPU kernels accept, or NCHW
 * (channels before height and width), which the CPU runs only through oneDNN. Images enter and
 * leave a model as NHWC in either case, and the variables have the same shapes, so a checkpoint
 * trained in one layout restores in the other and exports the same SavedModel.
 */
public enum ConvLayout {
  NHWC,
  NCHW;

  /** The {@code data_format} attribute of TensorFlow's convolution, bias and pooling ops. */
  public String dataFormat() {
    return name();
  }

  /** Height, width and channels of a 4-D shape in this layout. */
  public long height(Shape shape) {
    return shape.get(this == NHWC ? 1 : 2);
  }

  public long width(Shape shape) {
    return shape.get(this == NHWC ? 2 : 3);
  }

  public long channels(Shape shape) {
    return shape.get(this == NHWC ? 3 : 1);
  }

  /** {@code [1, h, w, 1]} or {@code [1, 1, h, w]}: a window or stride over height and width. */
  public List<Long> spatial(long h, long w) {
    return this == NHWC ? List.of(1L, h, w, 1L) : List.of(1L, 1L, h, w);
  }

  /** The sizes of a map with {@code channels} channels, as {@code [height, width, channels]}. */
  public int[] mapShape(int height, int width, int channels) {
    return this == NHWC ? new int[] {height, width, channels} : new int[] {channels, height, width};
  }

  /** An NHWC tensor in this layout. */
  public Operand<TFloat32> fromNhwc(Ops tf, Operand<TFloat32> nhwc) {
    return this == NHWC ? nhwc : tf.linalg.transpose(nhwc, tf.constant(new int[] {0, 3, 1, 2}));
  }

  /** A tensor of this layout as NHWC. */
  public Operand<TFloat32> toNhwc(Ops tf, Operand<TFloat32> maps) {
    return this == NHWC ? maps : tf.linalg.transpose(maps, tf.constant(new int[] {0, 2, 3, 1}));
  }
}
