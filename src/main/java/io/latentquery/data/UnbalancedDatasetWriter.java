package io.latentquery.data;

import io.latentquery.files.AtomicFiles;
import io.latentquery.files.Json;
import io.latentquery.provenance.Provenance;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Writes an unbalanced copy of a dataset as a dataset folder (gzipped IDX files and {@code
 * dataset.json}) that every command reads by its path: the training file holds the new pool
 * followed by the untouched validation examples, and the test file is copied unchanged.
 */
public final class UnbalancedDatasetWriter {
  static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
  static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
  static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
  static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";

  private final UnbalanceSettings settings;

  public UnbalancedDatasetWriter(UnbalanceSettings settings) {
    this.settings = settings;
  }

  /**
   * Unbalances the pool of {@code source} and writes the folder {@code target} atomically; an
   * existing folder is replaced only when {@code replace} is true.
   */
  public UnbalanceSummary write(SplitDataset source, Path target, boolean replace) {
    if (java.nio.file.Files.exists(target) && !replace) {
      throw new java.io.UncheckedIOException(
          target + " exists; use --force to replace it",
          new java.nio.file.FileAlreadyExistsException(
              target.toAbsolutePath().toString(), null, "exists; use --force to replace it"));
    }
    Dataset pool = source.split(Split.POOL);
    Dataset validation = source.split(Split.VALIDATION);
    Dataset test = source.hasTest() ? source.split(Split.TEST) : null;
    UnbalancedPool unbalanced = new Unbalancer(settings).apply(pool);
    List<String> classNames =
        pool.classNames().size() >= unbalanced.countsBefore().length
            ? pool.classNames()
            : java.util.stream.IntStream.range(0, unbalanced.countsBefore().length)
                .mapToObj(Integer::toString)
                .toList();
    String name = target.toAbsolutePath().normalize().getFileName().toString();
    int added = 0;
    for (boolean a : unbalanced.augmented()) {
      added += a ? 1 : 0;
    }
    UnbalanceSummary summary =
        new UnbalanceSummary(
            source.name(),
            pool.checksum(),
            settings,
            classNames,
            boxed(unbalanced.countsBefore()),
            boxed(unbalanced.counts()),
            unbalanced.size(),
            added,
            validation.size(),
            test == null ? 0 : test.size(),
            Provenance.capture("data unbalance", settings, settings.seed(), pool.checksum()));
    DatasetManifest manifest =
        new DatasetManifest(
            name,
            TRAIN_IMAGES,
            TRAIN_LABELS,
            test == null ? null : TEST_IMAGES,
            test == null || !test.hasLabels() ? null : TEST_LABELS,
            unbalanced.size(),
            validation.size(),
            classNames);
    AtomicFiles.writeFolder(
        target,
        replace,
        folder -> {
          writeTrain(folder, unbalanced, validation);
          if (test != null) {
            IdxWriter.writeImages(folder.resolve(TEST_IMAGES), test);
            if (test.hasLabels()) {
              IdxWriter.writeLabels(folder.resolve(TEST_LABELS), test);
            }
          }
          Json.write(folder.resolve(DatasetManifest.FILE_NAME), manifest);
          Json.write(folder.resolve(UnbalanceSummary.FILE_NAME), summary);
        });
    return summary;
  }

  private static void writeTrain(Path folder, UnbalancedPool pool, Dataset validation) {
    ImageShape shape = pool.shape();
    byte[] validationPixels = IdxWriter.pixelBytes(validation);
    int total = pool.size() + validation.size();
    byte[] pixels = Arrays.copyOf(pool.pixels(), pool.pixels().length + validationPixels.length);
    System.arraycopy(validationPixels, 0, pixels, pool.pixels().length, validationPixels.length);
    byte[] labels = new byte[total];
    for (int i = 0; i < pool.size(); i++) {
      labels[i] = IdxWriter.labelByte(pool.labels()[i]);
    }
    for (int i = 0; i < validation.size(); i++) {
      labels[pool.size() + i] = IdxWriter.labelByte(validation.label(i));
    }
    IdxWriter.write(
        folder.resolve(TRAIN_IMAGES), new int[] {total, shape.height(), shape.width()}, pixels);
    IdxWriter.write(folder.resolve(TRAIN_LABELS), new int[] {total}, labels);
  }

  private static List<Integer> boxed(int[] values) {
    return Arrays.stream(values).boxed().toList();
  }
}
