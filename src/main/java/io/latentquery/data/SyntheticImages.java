package io.latentquery.data;

import io.latentquery.files.Checksums;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Unlabeled images whose pixels are computed from their index and a seed when read, so a pool of
 * any size costs no memory: for throughput and memory measurements.
 */
public final class SyntheticImages implements Dataset {
  private final ImageShape shape;
  private final int size;
  private final long seed;

  public SyntheticImages(ImageShape shape, int size, long seed) {
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, got " + size);
    }
    this.shape = shape;
    this.size = size;
    this.seed = seed;
  }

  @Override
  public String name() {
    return "synthetic";
  }

  @Override
  public ImageShape shape() {
    return shape;
  }

  @Override
  public int size() {
    return size;
  }

  /** Pixel values k/255 from a SplitMix64 stream seeded by the seed and the index. */
  @Override
  public void copyImage(int index, float[] dest, int offset) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("image " + index + " of " + size);
    }
    long state = seed * 0x9E3779B97F4A7C15L + index;
    int n = shape.size();
    for (int i = 0; i < n; i++) {
      state += 0x9E3779B97F4A7C15L;
      long z = state;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      z ^= z >>> 31;
      dest[offset + i] = (z & 0xff) / 255f;
    }
  }

  @Override
  public String id(int index) {
    return Integer.toString(index);
  }

  @Override
  public boolean hasLabels() {
    return false;
  }

  @Override
  public int label(int index) {
    throw new io.latentquery.InputException("dataset " + name() + " has no labels");
  }

  @Override
  public List<String> classNames() {
    return List.of();
  }

  @Override
  public String checksum() {
    MessageDigest digest = Checksums.sha256();
    digest.update(
        ("synthetic " + shape + " " + size + " seed " + seed).getBytes(StandardCharsets.UTF_8));
    return Checksums.hex(digest);
  }
}
