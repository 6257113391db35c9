package io.latentquery.data;

import io.latentquery.files.Checksums;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * An image folder read on demand: it holds the file list and labels, and decodes an image when it
 * is first asked for. Decoded images are kept up to a byte budget, so a folder that fits is decoded
 * once (epochs after the first read memory) and a larger one never holds more than the budget.
 */
final class ImageFolderDataset implements Dataset {
  private static final float SCALE = 1f / 255f;

  private final String name;
  private final ImageShape shape;
  private final Path root;
  private final List<Path> files;
  private final ExampleLabels examples;
  private final ImageDecoder decoder;
  private final AtomicReferenceArray<byte[]> cache;
  private String checksum;

  /** What the reader found: files in order, their labels (null when unlabeled) and class names. */
  record Listing(Path root, List<Path> files, int[] labels, List<String> classNames) {
    Listing {
      files = List.copyOf(files);
      classNames = List.copyOf(classNames);
      if (labels != null && labels.length != files.size()) {
        throw new IllegalArgumentException(files.size() + " images but " + labels.length);
      }
    }
  }

  /**
   * @param cacheBytes decoded images kept in memory at most, in bytes
   */
  ImageFolderDataset(
      String name, ImageShape shape, Listing listing, ImageDecoder decoder, long cacheBytes) {
    this.name = name;
    this.shape = shape;
    this.root = listing.root();
    this.files = listing.files();
    this.examples = new ExampleLabels(name, listing.labels(), listing.classNames());
    this.decoder = decoder;
    long cached = Math.min(files.size(), Math.max(0, cacheBytes) / shape.size());
    this.cache = new AtomicReferenceArray<>((int) cached);
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
    return files.size();
  }

  @Override
  public void copyImage(int index, float[] dest, int offset) {
    byte[] pixels = pixels(index);
    for (int i = 0; i < pixels.length; i++) {
      dest[offset + i] = (pixels[i] & 0xff) * SCALE;
    }
  }

  /** Image {@code index} as bytes, from the cache or freshly decoded. */
  private byte[] pixels(int index) {
    if (index < 0 || index >= files.size()) {
      throw new IndexOutOfBoundsException(
          "image " + index + " of dataset " + name + " with " + files.size() + " images");
    }
    if (index < cache.length()) {
      byte[] cached = cache.get(index);
      if (cached != null) {
        return cached;
      }
      byte[] pixels = decoder.decode(files.get(index), shape);
      cache.compareAndSet(index, null, pixels);
      return pixels;
    }
    return decoder.decode(files.get(index), shape);
  }

  @Override
  public String id(int index) {
    return root.relativize(files.get(index)).toString();
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

  /**
   * SHA-256 over each image's relative path and decoded bytes, in order: the same value the folder
   * had when it was decoded whole, so runs recorded before still resume. It decodes every image
   * once, which also reports a damaged file before long work starts.
   */
  @Override
  public synchronized String checksum() {
    if (checksum == null) {
      MessageDigest digest = Checksums.sha256();
      for (int i = 0; i < files.size(); i++) {
        digest.update(id(i).getBytes(StandardCharsets.UTF_8));
        digest.update(pixels(i));
      }
      checksum = Checksums.hex(digest);
    }
    return checksum;
  }
}
