package io.latentquery.data;

import io.latentquery.InputException;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes gzipped IDX files of unsigned bytes (the MNIST format) that {@link IdxFile} reads back.
 * The output is byte-stable: the same values always give the same file, because the gzip header
 * carries no time stamp.
 */
public final class IdxWriter {
  private static final int UNSIGNED_BYTE = 0x08;

  private IdxWriter() {}

  /** Writes {@code data} (row-major) with the header dimensions {@code dims} to {@code target}. */
  public static void write(Path target, int[] dims, byte[] data) {
    long expected = 1;
    for (int dim : dims) {
      if (dim < 0) {
        throw new IllegalArgumentException(
            "IDX dimensions must be >= 0, got " + java.util.Arrays.toString(dims));
      }
      expected *= dim;
    }
    if (dims.length == 0 || dims.length > 255) {
      throw new IllegalArgumentException("IDX rank must be 1..255, got " + dims.length);
    }
    if (expected != data.length) {
      throw new IllegalArgumentException(
          "IDX dimensions "
              + java.util.Arrays.toString(dims)
              + " hold "
              + expected
              + " values, got "
              + data.length);
    }
    try (OutputStream file = Files.newOutputStream(target);
        GZIPOutputStream gzip =
            new GZIPOutputStream(new BufferedOutputStream(file, 1 << 16), 1 << 16);
        DataOutputStream out = new DataOutputStream(gzip)) {
      out.writeByte(0);
      out.writeByte(0);
      out.writeByte(UNSIGNED_BYTE);
      out.writeByte(dims.length);
      for (int dim : dims) {
        out.writeInt(dim);
      }
      out.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** Writes images (count, height, width) of a single-channel dataset. */
  public static void writeImages(Path target, Dataset dataset) {
    ImageShape shape = dataset.shape();
    if (shape.channels() != 1) {
      throw new InputException(
          "IDX image files hold one channel; dataset "
              + dataset.name()
              + " has "
              + shape.channels());
    }
    write(target, new int[] {dataset.size(), shape.height(), shape.width()}, pixelBytes(dataset));
  }

  /** Writes the labels of {@code dataset}; every label must fit an unsigned byte. */
  public static void writeLabels(Path target, Dataset dataset) {
    byte[] labels = new byte[dataset.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = labelByte(dataset.label(i));
    }
    write(target, new int[] {labels.length}, labels);
  }

  /** A class index as an IDX unsigned byte. */
  public static byte labelByte(int label) {
    if (label < 0 || label > 255) {
      throw new IllegalArgumentException("IDX labels must be 0..255, got " + label);
    }
    return (byte) label;
  }

  /**
   * The pixels of {@code dataset} as unsigned bytes. Datasets read from bytes hold exact multiples
   * of 1/255, so the round trip is exact.
   */
  public static byte[] pixelBytes(Dataset dataset) {
    int pixels = dataset.shape().size();
    long total = (long) dataset.size() * pixels;
    if (total > Integer.MAX_VALUE - 8) {
      throw new InputException(
          "dataset "
              + dataset.name()
              + " holds "
              + total
              + " pixel bytes; an IDX copy holds at most 2 GiB, so use its image folder directly");
    }
    byte[] out = new byte[(int) total];
    float[] image = new float[pixels];
    for (int i = 0; i < dataset.size(); i++) {
      dataset.copyImage(i, image, 0);
      for (int p = 0; p < pixels; p++) {
        out[i * pixels + p] = toByte(image[p]);
      }
    }
    return out;
  }

  static byte toByte(float value) {
    int v = Math.round(value * 255f);
    return (byte) Math.max(0, Math.min(255, v));
  }
}
