package io.latentquery.data;

import io.latentquery.InputException;
import io.latentquery.files.AtomicFiles;
import io.latentquery.files.Checksums;
import io.latentquery.files.Json;
import io.latentquery.provenance.Provenance;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Converts a split dataset (an image folder, usually) once into the IDX form every command reads
 * quickly: the training file holds the pool followed by validation, the test file the test split,
 * {@code dataset.json} says where one ends, {@code ids.csv} names each example's source id (the
 * image path) by split and position, and {@code import.json} records the source and provenance.
 */
public final class DatasetImporter {
  static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
  static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
  static final String TEST_IMAGES = "test-images-idx3-ubyte.gz";
  static final String TEST_LABELS = "test-labels-idx1-ubyte.gz";

  /** Each example's split, position in its IDX file and source id. */
  public static final String IDS = "ids.csv";

  /** The import's record: what was read and how. */
  public static final String SUMMARY = "import.json";

  /**
   * What an import wrote.
   *
   * @param source the dataset read
   * @param sourceChecksum checksum of its pool, validation and test examples
   * @param request how it was read (folder options, split)
   * @param sizes pool, validation and test sizes
   * @param classNames class names by index (empty when unlabeled)
   * @param provenance versions, machine and time
   */
  public record Summary(
      String source,
      String sourceChecksum,
      DataRequest request,
      List<Integer> sizes,
      List<String> classNames,
      Provenance provenance) {}

  /**
   * Writes {@code source} (read as {@code request} says) to the folder {@code target} atomically;
   * an existing folder is replaced only when {@code replace} is true.
   */
  public Summary write(SplitDataset source, DataRequest request, Path target, boolean replace) {
    if (Files.exists(target) && !replace) {
      throw new InputException(target + " exists; use --force to replace it");
    }
    if (source.shape().channels() != 1) {
      throw new InputException(
          "IDX files hold grayscale images but "
              + source.name()
              + " is read with "
              + source.shape().channels()
              + " channels; keep a colour folder as a folder");
    }
    Dataset pool = source.split(Split.POOL);
    Dataset validation = source.split(Split.VALIDATION);
    Dataset test = source.hasTest() ? source.split(Split.TEST) : null;
    String checksum =
        Checksums.sha256(
            (pool.checksum() + validation.checksum() + (test == null ? "" : test.checksum()))
                .getBytes(StandardCharsets.US_ASCII));
    List<String> classNames = pool.hasLabels() ? pool.classNames() : List.of();
    Summary summary =
        new Summary(
            source.name(),
            checksum,
            request,
            List.of(pool.size(), validation.size(), test == null ? 0 : test.size()),
            classNames,
            Provenance.capture(
                "data import",
                request,
                request.folderOptions().split() == null
                    ? 0
                    : request.folderOptions().split().seed(),
                checksum));
    String name = target.toAbsolutePath().normalize().getFileName().toString();
    DatasetManifest manifest =
        new DatasetManifest(
            name,
            TRAIN_IMAGES,
            pool.hasLabels() ? TRAIN_LABELS : null,
            test == null ? null : TEST_IMAGES,
            test == null || !test.hasLabels() ? null : TEST_LABELS,
            pool.size(),
            validation.size(),
            test != null && test.hasLabels() && !pool.hasLabels() ? test.classNames() : classNames);
    Dataset trainSet = validation.size() == 0 ? pool : new ConcatDataset(name, pool, validation);
    AtomicFiles.writeFolder(
        target,
        replace,
        folder -> {
          IdxWriter.writeImages(folder.resolve(TRAIN_IMAGES), trainSet);
          if (trainSet.hasLabels()) {
            IdxWriter.writeLabels(folder.resolve(TRAIN_LABELS), trainSet);
          }
          if (test != null) {
            IdxWriter.writeImages(folder.resolve(TEST_IMAGES), test);
            if (test.hasLabels()) {
              IdxWriter.writeLabels(folder.resolve(TEST_LABELS), test);
            }
          }
          writeIds(folder.resolve(IDS), pool, validation, test);
          Json.write(folder.resolve(DatasetManifest.FILE_NAME), manifest);
          Json.write(folder.resolve(SUMMARY), summary);
        });
    return summary;
  }

  private static void writeIds(Path file, Dataset pool, Dataset validation, Dataset test) {
    try (BufferedWriter writer =
            new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8));
        CSVPrinter printer =
            new CSVPrinter(
                writer,
                CSVFormat.DEFAULT
                    .builder()
                    .setHeader("split", "index", "id")
                    .setRecordSeparator("\n")
                    .get())) {
      for (int i = 0; i < pool.size(); i++) {
        printer.printRecord("pool", i, pool.id(i));
      }
      for (int i = 0; i < validation.size(); i++) {
        printer.printRecord("validation", pool.size() + i, validation.id(i));
      }
      for (int i = 0; test != null && i < test.size(); i++) {
        printer.printRecord("test", i, test.id(i));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
