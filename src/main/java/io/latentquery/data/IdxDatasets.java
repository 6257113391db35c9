package io.latentquery.data;

import io.latentquery.InputException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/** Builds datasets from IDX image files and, optionally, their label files. */
public final class IdxDatasets {
  private IdxDatasets() {}

  /**
   * Reads images (rank 3: count, height, width) and, when {@code labelsPath} is not null, labels
   * (rank 1). Example ids are the indices in the image file.
   */
  public static Dataset read(
      String name, Path imagesPath, Path labelsPath, List<String> classNames) {
    return read(name, imagesPath, labelsPath, classNames, (file, sha256) -> {});
  }

  /** Checks a file's decompressed SHA-256 as it is read; throws to refuse the file. */
  @FunctionalInterface
  public interface Verifier {
    void verify(Path file, String sha256);
  }

  /**
   * As {@link #read(String, Path, Path, List)}, passing each file's checksum to {@code verifier}.
   */
  public static Dataset read(
      String name, Path imagesPath, Path labelsPath, List<String> classNames, Verifier verifier) {
    IdxFile images = IdxFile.read(imagesPath, 3);
    verifier.verify(imagesPath, images.sha256());
    ImageShape shape = new ImageShape(images.dims()[1], images.dims()[2], 1);
    int count = images.dims()[0];
    int[] labels = null;
    List<String> names = List.of();
    String checksum = images.sha256();
    if (labelsPath != null) {
      IdxFile labelFile = IdxFile.read(labelsPath, 1);
      verifier.verify(labelsPath, labelFile.sha256());
      if (labelFile.dims()[0] != count) {
        throw new InputException(
            "image/label count mismatch: "
                + imagesPath
                + " holds "
                + count
                + " images but "
                + labelsPath
                + " holds "
                + labelFile.dims()[0]
                + " labels");
      }
      labels = new int[count];
      int max = 0;
      for (int i = 0; i < count; i++) {
        labels[i] = labelFile.data()[i] & 0xff;
        max = Math.max(max, labels[i]);
      }
      names =
          classNames != null && classNames.size() > max
              ? classNames
              : IntStream.rangeClosed(0, max).mapToObj(Integer::toString).toList();
      checksum =
          io.latentquery.files.Checksums.sha256(
              (images.sha256() + labelFile.sha256())
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    return new ByteImageDataset(
        name, shape, images.data(), labels, names, Integer::toString, checksum);
  }
}
