package io.latentquery.sampling.job;

import io.latentquery.InputException;
import io.latentquery.contract.LabelsCsv;
import io.latentquery.inference.Encodings;
import io.latentquery.sampling.io.IdList;
import io.latentquery.sampling.propagate.KnownLabels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The examples already labeled ({@code lq sample --labeled FILE}) placed in the pool. A labels file
 * (header {@code id,label}, see {@link LabelsCsv}) gives their classes too, which {@code
 * least-confident} spreads; its ids must all be in the pool. A plain id list (a CSV with an {@code
 * id} column and no {@code label} column, or one id per line) only excludes the ids; ids not in the
 * pool are counted and ignored.
 *
 * @param indices the pool positions of the labeled examples
 * @param unknown how many ids of an id list are not in the pool
 * @param labels the classes of the labeled examples, when the file is a labels file
 */
public record LabeledFile(int[] indices, int unknown, Optional<KnownLabels> labels) {
  private static final Logger LOG = LogManager.getLogger(LabeledFile.class);

  public static final LabeledFile NONE = new LabeledFile(new int[0], 0, Optional.empty());

  public LabeledFile {
    indices = indices.clone();
  }

  @Override
  public int[] indices() {
    return indices.clone();
  }

  /** Reads {@code file} and places it in the pool of {@code encodings}. */
  static LabeledFile resolve(Path file, Encodings encodings) {
    return resolve(file, PoolIds.of(encodings));
  }

  /** Reads {@code file} and places it in {@code pool}. */
  public static LabeledFile resolve(Path file, PoolIds pool) {
    if (isLabelsFile(file)) {
      LabelsCsv.Labels read = LabelsCsv.read(file);
      LabelsCsv.Resolved resolved =
          read.resolve(pool.positions(read.ids()), "the pool", pool.classes());
      KnownLabels known =
          new KnownLabels(resolved.indices(), resolved.classes(), resolved.classNames());
      return new LabeledFile(resolved.indices(), 0, Optional.of(known));
    }
    List<String> ids = IdList.read(file);
    IdList.Resolved resolved = IdList.resolve(ids, pool.positions(ids));
    if (!resolved.unknown().isEmpty()) {
      LOG.warn(
          "{} of the ids in {} are not in the pool (first: {}); they are ignored",
          resolved.unknown().size(),
          file,
          resolved.unknown().get(0));
    }
    return new LabeledFile(resolved.indices(), resolved.unknown().size(), Optional.empty());
  }

  /** Whether the first line of {@code file} is a header with both an id and a label column. */
  private static boolean isLabelsFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InputException("missing id file: " + file);
    }
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = reader.readLine();
      while (line != null && line.isBlank()) {
        line = reader.readLine();
      }
      if (line == null) {
        return false;
      }
      List<String> header =
          Arrays.stream(line.split(",", -1)).map(s -> s.trim().replace("\"", "")).toList();
      return header.contains(LabelsCsv.ID) && header.contains(LabelsCsv.LABEL);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
