package io.latentquery.explore;

import io.latentquery.data.ByteImageDataset;
import io.latentquery.data.Dataset;
import io.latentquery.data.ImageShape;
import io.latentquery.inference.Encodings;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small pools with known encodings for the explorer's tests. */
final class ExploreFixtures {
  private ExploreFixtures() {}

  /** {@code count} 6x5 grayscale images of seeded random pixels, in {@code classes} classes. */
  static Dataset pool(int count, int classes, long seed) {
    ImageShape shape = new ImageShape(6, 5, 1);
    byte[] pixels = new byte[count * shape.size()];
    new SplittableRandom(seed).nextBytes(pixels);
    int[] labels = new int[count];
    List<String> names = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      names.add("class-" + c);
    }
    for (int i = 0; i < count; i++) {
      labels[i] = i % classes;
    }
    return new ByteImageDataset(
        "pool", shape, pixels, labels, names, i -> String.format("img-%05d", i), "checksum");
  }

  /** Point i of the pool at (i % columns, i / columns): a grid whose points are far apart. */
  static Encodings grid(Dataset pool, int columns) {
    double[] values = new double[pool.size() * 2];
    List<String> ids = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < pool.size(); i++) {
      values[2 * i] = i % columns;
      values[2 * i + 1] = i / columns;
      ids.add(pool.id(i));
      labels.add(pool.classNames().get(pool.label(i)));
    }
    return new Encodings(values, pool.size(), 2, ids, labels);
  }
}
