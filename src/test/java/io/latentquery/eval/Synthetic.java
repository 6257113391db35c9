package io.latentquery.eval;

import io.latentquery.data.ByteImageDataset;
import io.latentquery.data.Dataset;
import io.latentquery.data.ImageShape;
import java.util.List;
import java.util.SplittableRandom;

/** Tiny labeled image sets with one easy pattern per class, for fast classifier tests. */
final class Synthetic {
  private Synthetic() {}

  /**
   * {@code perClass} noisy 8x8 images of each of four patterns: top bar, left bar, main diagonal,
   * bottom-right block.
   */
  static Dataset patterns(int perClass, long seed) {
    int side = 8;
    int classes = 4;
    SplittableRandom random = new SplittableRandom(seed);
    byte[] pixels = new byte[perClass * classes * side * side];
    int[] labels = new int[perClass * classes];
    for (int i = 0; i < labels.length; i++) {
      int label = i % classes;
      labels[i] = label;
      for (int y = 0; y < side; y++) {
        for (int x = 0; x < side; x++) {
          boolean on =
              switch (label) {
                case 0 -> y < 2;
                case 1 -> x < 2;
                case 2 -> Math.abs(x - y) <= 1;
                default -> x >= 5 && y >= 5;
              };
          int value = (on ? 200 : 0) + random.nextInt(50);
          pixels[i * side * side + y * side + x] = (byte) value;
        }
      }
    }
    return new ByteImageDataset(
        "patterns",
        new ImageShape(side, side, 1),
        pixels,
        labels,
        List.of("top", "left", "diagonal", "corner"),
        Integer::toString,
        "synthetic-" + seed);
  }
}
