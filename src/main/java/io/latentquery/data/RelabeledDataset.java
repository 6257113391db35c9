package io.latentquery.data;

import io.latentquery.files.Checksums;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Some examples of another dataset with the labels a person gave them (from a labels file) instead
 * of the source's own, so that a classifier learns from exactly what was labeled. The images and
 * ids are the source's {@link Dataset#subset}; only the labels differ. Nothing is copied; the
 * checksum covers the source, the examples and their labels.
 */
public final class RelabeledDataset implements Dataset {
  private final Dataset source;
  private final Dataset examples;
  private final int[] indices;
  private final int[] labels;
  private final List<String> classNames;
  private String checksum;

  /**
   * @param indices the source examples, in order
   * @param labels the class index of each, into {@code classNames}
   */
  public RelabeledDataset(Dataset source, int[] indices, int[] labels, List<String> classNames) {
    if (indices.length != labels.length) {
      throw new IllegalArgumentException(indices.length + " examples for " + labels.length);
    }
    for (int i = 0; i < indices.length; i++) {
      if (indices[i] < 0 || indices[i] >= source.size()) {
        throw new IllegalArgumentException(
            "index " + indices[i] + " is outside dataset " + source.name());
      }
      if (labels[i] < 0 || labels[i] >= classNames.size()) {
        throw new IllegalArgumentException(
            "label " + labels[i] + " is not one of " + classNames.size() + " classes");
      }
    }
    this.source = source;
    this.examples = source.subset(source.name() + "[labeled]", indices);
    this.indices = indices.clone();
    this.labels = labels.clone();
    this.classNames = List.copyOf(classNames);
  }

  @Override
  public String name() {
    return examples.name();
  }

  @Override
  public ImageShape shape() {
    return examples.shape();
  }

  @Override
  public int size() {
    return examples.size();
  }

  @Override
  public void copyImage(int index, float[] dest, int offset) {
    examples.copyImage(index, dest, offset);
  }

  @Override
  public String id(int index) {
    return examples.id(index);
  }

  @Override
  public boolean hasLabels() {
    return true;
  }

  @Override
  public int label(int index) {
    return labels[index];
  }

  @Override
  public List<String> classNames() {
    return classNames;
  }

  @Override
  public synchronized String checksum() {
    if (checksum == null) {
      MessageDigest digest = Checksums.sha256();
      digest.update(source.checksum().getBytes(StandardCharsets.US_ASCII));
      ByteBuffer buffer = ByteBuffer.allocate(8);
      for (int i = 0; i < indices.length; i++) {
        buffer.clear();
        buffer.putInt(indices[i]).putInt(labels[i]);
        digest.update(buffer.array());
      }
      classNames.forEach(c -> digest.update((c + "\n").getBytes(StandardCharsets.UTF_8)));
      checksum = Checksums.hex(digest);
    }
    return checksum;
  }
}
