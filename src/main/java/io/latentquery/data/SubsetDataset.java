package io.latentquery.data;

import io.latentquery.files.Checksums;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.List;

/** A view of some examples of another dataset; nothing is copied. */
final class SubsetDataset implements Dataset {
  private final Dataset source;
  private final String name;
  private final int[] indices;
  private String checksum;

  SubsetDataset(Dataset source, String name, int[] indices) {
    for (int index : indices) {
      if (index < 0 || index >= source.size()) {
        throw new IllegalArgumentException(
            "index "
                + index
                + " is outside dataset "
                + source.name()
                + " of "
                + source.size()
                + " examples");
      }
    }
    this.source = source;
    this.name = name;
    this.indices = indices.clone();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ImageShape shape() {
    return source.shape();
  }

  @Override
  public int size() {
    return indices.length;
  }

  @Override
  public void copyImage(int index, float[] dest, int offset) {
    source.copyImage(indices[index], dest, offset);
  }

  @Override
  public String id(int index) {
    return source.id(indices[index]);
  }

  @Override
  public boolean hasLabels() {
    return source.hasLabels();
  }

  @Override
  public int label(int index) {
    return source.label(indices[index]);
  }

  @Override
  public List<String> classNames() {
    return source.classNames();
  }

  @Override
  public synchronized String checksum() {
    if (checksum == null) {
      MessageDigest digest = Checksums.sha256();
      digest.update(source.checksum().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      ByteBuffer buffer = ByteBuffer.allocate(4);
      for (int index : indices) {
        buffer.clear();
        buffer.putInt(index);
        digest.update(buffer.array());
      }
      checksum = Checksums.hex(digest);
    }
    return checksum;
  }
}
