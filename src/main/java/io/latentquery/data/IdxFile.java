package io.latentquery.data;

import io.latentquery.InputException;
import io.latentquery.files.Checksums;
import io.latentquery.files.ReadErrors;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * One IDX file (the MNIST format) of unsigned bytes, gzipped or raw, fully validated: magic number,
 * element type, rank, and that the header's dimensions match the data length exactly.
 *
 * @param dims the dimensions from the header, e.g. {60000, 28, 28}
 * @param data the values, row-major
 * @param sha256 checksum of the decompressed file
 */
public record IdxFile(int[] dims, byte[] data, String sha256) {
  private static final int UNSIGNED_BYTE = 0x08;

  /** Reads {@code path}, expecting {@code rank} dimensions. */
  public static IdxFile read(Path path, int rank) {
    if (!Files.isRegularFile(path)) {
      throw new InputException("missing file: " + path);
    }
    byte[] bytes;
    try (InputStream in = open(path)) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new InputException("cannot read IDX file " + path + ": " + ReadErrors.describe(e), e);
    }
    return parse(path.toString(), bytes, rank);
  }

  static IdxFile parse(String source, byte[] bytes, int rank) {
    if (bytes.length < 4) {
      throw new InputException("not an IDX file (shorter than its 4-byte magic number): " + source);
    }
    if (bytes[0] != 0 || bytes[1] != 0) {
      throw new InputException(
          String.format(
              "not an IDX file (magic number starts 0x%02x%02x, expected 0x0000): %s",
              bytes[0], bytes[1], source));
    }
    if ((bytes[2] & 0xff) != UNSIGNED_BYTE) {
      throw new InputException(
          String.format(
              "IDX file %s holds element type 0x%02x; only unsigned bytes (0x08) are supported",
              source, bytes[2]));
    }
    int fileRank = bytes[3] & 0xff;
    if (fileRank != rank) {
      throw new InputException(
          "IDX file "
              + source
              + " has rank "
              + fileRank
              + ", expected "
              + rank
              + (rank == 3 ? " (images: count, height, width)" : " (labels: count)"));
    }
    int header = 4 + 4 * rank;
    if (bytes.length < header) {
      throw new InputException("IDX file " + source + " is truncated inside its header");
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    int[] dims = new int[rank];
    long expected = 1;
    for (int i = 0; i < rank; i++) {
      dims[i] = buffer.getInt(4 + 4 * i);
      if (dims[i] < 0) {
        throw new InputException(
            "IDX file " + source + " declares a negative dimension " + dims[i]);
      }
      expected *= dims[i];
    }
    long actual = bytes.length - (long) header;
    if (actual != expected) {
      throw new InputException(
          "IDX file "
              + source
              + " header says "
              + Arrays.toString(dims)
              + " = "
              + expected
              + " values but the file holds "
              + actual
              + (actual < expected ? " (truncated)" : " (trailing data)"));
    }
    byte[] data = Arrays.copyOfRange(bytes, header, bytes.length);
    return new IdxFile(dims, data, Checksums.sha256(bytes));
  }

  private static InputStream open(Path path) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(path));
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new GZIPInputStream(in, 1 << 16);
    }
    return in;
  }

  /** Reads a whole stream; used by the fetcher to check decompressed checksums. */
  static byte[] gunzip(byte[] gz) throws IOException {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(gz.length * 4);
      in.transferTo(out);
      return out.toByteArray();
    }
  }
}
