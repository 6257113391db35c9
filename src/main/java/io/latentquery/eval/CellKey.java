package io.latentquery.eval;

import java.util.regex.Pattern;

/**
 * One cell of an experiment grid: dataset x autoencoder x strategy x budget x seed. Its result is
 * stored as one file named after the key, so a grid run can stop at any point and resume.
 *
 * @param dataset dataset id from the config, e.g. {@code balanced}
 * @param autoencoder autoencoder id, or {@value #NO_AUTOENCODER} for the random baseline
 * @param strategy strategy id, e.g. {@code uniform-cluster}
 * @param budget number of queries
 * @param seed seed of the sampler and the classifier (each autoencoder is trained once per dataset,
 *     with its own training seed)
 */
public record CellKey(String dataset, String autoencoder, String strategy, int budget, long seed) {
  /** The autoencoder id of random-baseline cells, which use none. */
  public static final String NO_AUTOENCODER = "none";

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  public CellKey {
    checkId("dataset", dataset);
    checkId("autoencoder", autoencoder);
    checkId("strategy", strategy);
    if (budget < 1) {
      throw new IllegalArgumentException("budget must be >= 1, got " + budget);
    }
  }

  /** Whether {@code id} may name a grid axis value: it becomes part of a file name. */
  public static boolean isValidId(String id) {
    return id != null && ID.matcher(id).matches() && !id.contains("__");
  }

  static void checkId(String what, String id) {
    if (!isValidId(id)) {
      throw new IllegalArgumentException(
          what
              + " id must be letters, digits, '.', '_' or '-' (no '__', not starting with a symbol), got '"
              + id
              + "'");
    }
  }

  /** The result file's name, unique per key. */
  public String fileName() {
    return dataset + "__" + autoencoder + "__" + strategy + "__b" + budget + "__s" + seed + ".json";
  }

  @Override
  public String toString() {
    return dataset + "/" + autoencoder + "/" + strategy + "/" + budget + "/seed " + seed;
  }
}
