package io.latentquery.data;

import io.latentquery.InputException;
import io.latentquery.files.Checksums;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/** Two datasets of one image shape and one class numbering, the first's examples first. */
final class ConcatDataset implements Dataset {
  private final String name;
  private final Dataset first;
  private final Dataset second;
  private final String checksum;

  ConcatDataset(String name, Dataset first, Dataset second) {
    if (!first.shape().equals(second.shape())) {
      throw new InputException(
          name
              + ": "
              + second.name()
              + " images are "
              + second.shape()
              + " but "
              + first.name()
              + " images are "
              + first.shape());
    }
    if (first.hasLabels() != second.hasLabels()) {
      Dataset labeled = first.hasLabels() ? first : second;
      Dataset unlabeled = first.hasLabels() ? second : first;
      throw new InputException(
          name
              + ": "
              + labeled.name()
              + " has class sub-folders but "
              + unlabeled.name()
              + " does not; give both or neither");
    }
    this.name = name;
    this.first = first;
    this.second = second;
    MessageDigest digest = Checksums.sha256();
    digest.update(first.checksum().getBytes(StandardCharsets.US_ASCII));
    digest.update(second.checksum().getBytes(StandardCharsets.US_ASCII));
    this.checksum = Checksums.hex(digest);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ImageShape shape() {
    return first.shape();
  }

  @Override
  public int size() {
    return first.size() + second.size();
  }

  @Override
  public void copyImage(int index, float[] dest, int offset) {
    if (index < first.size()) {
      first.copyImage(index, dest, offset);
    } else {
      second.copyImage(index - first.size(), dest, offset);
    }
  }

  @Override
  public String id(int index) {
    return index < first.size() ? first.id(index) : second.id(index - first.size());
  }

  @Override
  public boolean hasLabels() {
    return first.hasLabels();
  }

  @Override
  public int label(int index) {
    return index < first.size() ? first.label(index) : second.label(index - first.size());
  }

  @Override
  public List<String> classNames() {
    return first.classNames();
  }

  @Override
  public String checksum() {
    return checksum;
  }
}
