package io.latentquery.data;

import java.util.List;
import java.util.function.IntFunction;

/** Images held as unsigned bytes (a quarter of the memory of floats), scaled to [0,1] on read. */
public final class ByteImageDataset implements Dataset {
  private static final float SCALE = 1f / 255f;

  private final String name;
  private final ImageShape shape;
  private final byte[] pixels;
  private final ExampleLabels examples;
  private final IntFunction<String> ids;
  private final String checksum;

  /**
   * @param pixels all images, HWC, one after the other
   * @param labels class per image, or null when unlabeled
   * @param classNames names by class index (empty when unlabeled)
   * @param ids the source id of each example
   * @param checksum SHA-256 of the source
   */
  public ByteImageDataset(
      String name,
      ImageShape shape,
      byte[] pixels,
      int[] labels,
      List<String> classNames,
      IntFunction<String> ids,
      String checksum) {
    if (pixels.length % shape.size() != 0) {
      throw new IllegalArgumentException(
          pixels.length + " pixel values are not a whole number of " + shape + " images");
    }
    int count = pixels.length / shape.size();
    if (labels != null && labels.length != count) {
      throw new IllegalArgumentException(count + " images but " + labels.length + " labels");
    }
    this.name = name;
    this.shape = shape;
    this.pixels = pixels;
    this.examples = new ExampleLabels(name, labels, classNames);
    this.ids = ids;
    this.checksum = checksum;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ImageShape shape() {
    return shape;
  }

  @Override
  public int size() {
    return pixels.length / shape.size();
  }

  @Override
  public void copyImage(int index, float[] dest, int offset) {
    int n = shape.size();
    int start = index * n;
    for (int i = 0; i < n; i++) {
      dest[offset + i] = (pixels[start + i] & 0xff) * SCALE;
    }
  }

  @Override
  public String id(int index) {
    return ids.apply(index);
  }

  @Override
  public boolean hasLabels() {
    return examples.present();
  }

  @Override
  public int label(int index) {
    return examples.of(index);
  }

  @Override
  public List<String> classNames() {
    return examples.classNames();
  }

  @Override
  public String checksum() {
    return checksum;
  }
}
