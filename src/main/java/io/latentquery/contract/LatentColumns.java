package io.latentquery.contract;

import java.util.Collection;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * Column names shared by every file that lists examples with their encodings: the encodings files
 * of {@code lq encode} ({@code id,label,z1..zL}) and {@code selection.csv}.
 */
public final class LatentColumns {
  private LatentColumns() {}

  /** The example's id in its source (a file name, or a row number). */
  public static final String ID = "id";

  /** The known class name; empty when unknown. */
  public static final String LABEL = "label";

  /** Prefix of the latent coordinates {@code z1..zL}. */
  public static final String Z = "z";

  /** The column of latent coordinate {@code d}, counted from 1. */
  public static String z(int d) {
    return Z + d;
  }

  /** How many coordinates {@code z1, z2, ...} a header holds, counting until the first gap. */
  public static int dimensions(Collection<String> header) {
    int dim = 0;
    while (header.contains(z(dim + 1))) {
      dim++;
    }
    return dim;
  }

  /** How these files are written: Commons CSV's default quoting, Unix line ends, a header. */
  public static CSVFormat format(List<String> header) {
    return CSVFormat.DEFAULT
        .builder()
        .setHeader(header.toArray(String[]::new))
        .setRecordSeparator("\n")
        .get();
  }
}
