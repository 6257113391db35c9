package io.latentquery.sampling.io;

import io.latentquery.InputException;
import io.latentquery.files.ReadErrors;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format (version 1.0) for 2-D float arrays: written as little-endian float64
 * {@code '<f8'} in C order; read from {@code '<f8'} or {@code '<f4'}, C order, one or two
 * dimensions (one dimension is N x 1).
 */
public final class Npy {
  /** Larger headers are refused: numpy writes a few hundred bytes. */
  static final int MAX_HEADER_BYTES = 1 << 20;

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  /** A row-major matrix read from a file. */
  public record Matrix(double[] values, int rows, int cols) {}

  private Npy() {}

  public static void write(OutputStream out, double[] values, int rows, int cols)
      throws IOException {
    String dict =
        "{'descr': '<f8', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
    int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
    int padding = (64 - unpadded % 64) % 64;
    String header = dict + " ".repeat(padding) + "\n";
    out.write(MAGIC);
    out.write(new byte[] {1, 0});
    out.write(header.length() & 0xff);
    out.write(header.length() >>> 8);
    out.write(header.getBytes(StandardCharsets.US_ASCII));
    ByteBuffer buffer = ByteBuffer.allocate(8 * 8192).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : values) {
      if (!buffer.hasRemaining()) {
        out.write(buffer.array(), 0, buffer.position());
        buffer.clear();
      }
      buffer.putDouble(v);
    }
    out.write(buffer.array(), 0, buffer.position());
  }

  /** Reads a matrix; {@code name} names the source in error messages. */
  public static Matrix read(InputStream raw, String name) throws IOException {
    DataInputStream in = new DataInputStream(raw);
    byte[] magic = new byte[6];
    in.readFully(magic);
    if (!java.util.Arrays.equals(magic, MAGIC)) {
      throw new InputException(name + " is not a .npy file");
    }
    int major = in.readUnsignedByte();
    in.readUnsignedByte();
    int headerLength;
    if (major == 1) {
      headerLength = in.readUnsignedByte() | (in.readUnsignedByte() << 8);
    } else if (major == 2 || major == 3) {
      byte[] len = new byte[4];
      in.readFully(len);
      headerLength = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getInt();
    } else {
      throw new InputException(name + " has an unknown .npy version " + major);
    }
    if (headerLength < 0 || headerLength > MAX_HEADER_BYTES) {
      throw new InputException(
          name + " declares a .npy header of " + (headerLength & 0xffffffffL) + " bytes");
    }
    byte[] headerBytes = new byte[headerLength];
    in.readFully(headerBytes);
    String header = new String(headerBytes, StandardCharsets.ISO_8859_1);
    String descr = group(DESCR, header, name);
    if (!group(FORTRAN, header, name).equals("False")) {
      throw new InputException(name + " is in Fortran order; save it in C order");
    }
    String[] dims = group(SHAPE, header, name).split(",");
    long rows;
    long cols = 1;
    try {
      java.util.List<Long> sizes = new java.util.ArrayList<>();
      for (String d : dims) {
        if (!d.isBlank()) {
          sizes.add(Long.parseLong(d.trim()));
        }
      }
      if (sizes.size() == 1) {
        rows = sizes.get(0);
      } else if (sizes.size() == 2) {
        rows = sizes.get(0);
        cols = sizes.get(1);
      } else {
        throw new InputException(
            name + " holds a " + sizes.size() + "-dimensional array; expected N x L");
      }
    } catch (NumberFormatException e) {
      throw new InputException(name + " has an unreadable shape in its header", e);
    }
    int width;
    boolean single;
    switch (descr) {
      case "<f8" -> {
        width = 8;
        single = false;
      }
      case "<f4" -> {
        width = 4;
        single = true;
      }
      default ->
          throw new InputException(
              name
                  + " holds '"
                  + ReadErrors.printable(descr)
                  + "' values; expected little-endian float64 or float32");
    }
    if (rows < 0 || cols < 1 || rows > (Integer.MAX_VALUE - 8) / cols) {
      throw new InputException(name + " has an unusable shape " + rows + " x " + cols);
    }
    // The array grows as values arrive, so a header that claims more than the file holds ends in
    // "truncated", not in a huge allocation.
    int total = (int) (rows * cols);
    double[] values = new double[Math.min(total, 1 << 16)];
    byte[] chunk = new byte[width * 8192];
    int filled = 0;
    while (filled < total) {
      int count = Math.min(8192, total - filled);
      if (values.length < filled + count) {
        values =
            java.util.Arrays.copyOf(
                values, (int) Math.min(total, Math.max(2L * values.length, filled + count)));
      }
      in.readFully(chunk, 0, count * width);
      ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, count * width).order(ByteOrder.LITTLE_ENDIAN);
      for (int k = 0; k < count; k++) {
        values[filled++] = single ? buffer.getFloat() : buffer.getDouble();
      }
    }
    return new Matrix(values, (int) rows, (int) cols);
  }

  private static String group(Pattern pattern, String header, String name) {
    Matcher m = pattern.matcher(header);
    if (!m.find()) {
      throw new InputException(
          name + " has an unreadable .npy header: " + ReadErrors.printable(header));
    }
    return m.group(1);
  }
}
