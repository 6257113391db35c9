package io.latentquery.sampling.io;

import io.latentquery.contract.LatentColumns;
import io.latentquery.inference.Encodings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fast reader for the plain latent CSV that {@code lq encode} writes for ordinary ids: ASCII, no
 * quotes, one record per line, every line with as many fields as the header. It parses bytes in
 * place (each coordinate through {@link DecimalParser}, which gives exactly what {@link
 * Double#parseDouble} gives) and reads a million rows in a fraction of a second. On anything else
 * (a quote, a blank line, a lone carriage return, a non-ASCII byte, a short or long row, a
 * duplicate or empty header name, a value that is not a number) it gives up and returns null, and
 * the caller reads the file with the general CSV parser, which reports the problem.
 */
final class SimpleLatentCsv {
  private static final int CHUNK = 1 << 20;

  private final Path path;
  private byte[] buffer = new byte[CHUNK];
  private int fields;
  private int dim;
  private int idColumn = -1;
  private int labelColumn = -1;
  private int[] zOf;
  private double[] values;
  private int count;
  private final List<String> ids = new ArrayList<>();
  private final List<String> labels = new ArrayList<>();
  private final Map<String, String> labelNames = new HashMap<>();

  private SimpleLatentCsv(Path path) {
    this.path = path;
  }

  /** The encodings in {@code path}, or null when it needs the general CSV parser. */
  static Encodings read(Path path) throws IOException {
    return new SimpleLatentCsv(path).parse();
  }

  private Encodings parse() throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      int start = 0;
      int end = 0;
      boolean header = true;
      boolean eof = false;
      while (true) {
        int newline = -1;
        for (int i = start; i < end; i++) {
          byte b = buffer[i];
          if (b == '\n') {
            newline = i;
            break;
          }
          if (b == '"' || b < 0) {
            return null;
          }
        }
        if (newline < 0 && !eof) {
          if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
          }
          if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
          }
          int read = in.read(buffer, end, buffer.length - end);
          if (read < 0) {
            eof = true;
          } else {
            end += read;
          }
          continue;
        }
        int lineEnd = newline < 0 ? end : newline;
        if (newline < 0 && lineEnd == start) {
          break;
        }
        if (lineEnd > start && buffer[lineEnd - 1] == '\r') {
          lineEnd--;
        }
        if (lineEnd == start || indexOf('\r', start, lineEnd) >= 0) {
          return null;
        }
        boolean ok = header ? header(start, lineEnd) : row(start, lineEnd);
        if (!ok) {
          return null;
        }
        header = false;
        start = newline < 0 ? end : newline + 1;
        if (newline < 0) {
          break;
        }
      }
      if (header || dim == 0) {
        return null;
      }
    }
    List<String> known = labels.stream().allMatch(Objects::isNull) ? null : labels;
    return new Encodings(Arrays.copyOf(values, count * dim), count, dim, ids, known);
  }

  private boolean header(int from, int to) {
    List<String> names = new ArrayList<>();
    int s = from;
    for (int i = from; i <= to; i++) {
      if (i == to || buffer[i] == ',') {
        names.add(new String(buffer, s, i - s, StandardCharsets.US_ASCII));
        s = i + 1;
      }
    }
    if (new HashSet<>(names).size() != names.size() || names.contains("")) {
      return false;
    }
    fields = names.size();
    dim = LatentColumns.dimensions(names);
    zOf = new int[fields];
    Arrays.fill(zOf, -1);
    for (int l = 0; l < dim; l++) {
      zOf[names.indexOf(LatentColumns.z(l + 1))] = l;
    }
    idColumn = names.indexOf(LatentColumns.ID);
    labelColumn = names.indexOf(LatentColumns.LABEL);
    values = new double[1024 * Math.max(1, dim)];
    return true;
  }

  private boolean row(int from, int to) {
    if (values.length < (count + 1) * dim) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    String id = null;
    String label = null;
    int field = 0;
    int s = from;
    for (int i = from; i <= to; i++) {
      if (i < to && buffer[i] != ',') {
        continue;
      }
      if (field == fields) {
        return false;
      }
      int z = zOf[field];
      if (z >= 0) {
        try {
          values[count * dim + z] = DecimalParser.parse(buffer, s, i);
        } catch (NumberFormatException e) {
          return false;
        }
      } else if (field == idColumn) {
        id = new String(buffer, s, i - s, StandardCharsets.US_ASCII);
      } else if (field == labelColumn && i > s) {
        label =
            labelNames.computeIfAbsent(
                new String(buffer, s, i - s, StandardCharsets.US_ASCII), name -> name);
      }
      field++;
      s = i + 1;
    }
    if (field != fields) {
      return false;
    }
    ids.add(idColumn >= 0 ? id : Integer.toString(count));
    labels.add(label);
    count++;
    return true;
  }

  private int indexOf(char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buffer[i] == c) {
        return i;
      }
    }
    return -1;
  }
}
