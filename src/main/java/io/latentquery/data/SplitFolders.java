package io.latentquery.data;

import io.latentquery.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * An image folder already split by its sub-folders: {@code train/} (or {@code pool/}), optional
 * {@code val/} (or {@code validation/}) and optional {@code test/}, each holding class sub-folders
 * or images directly. Class numbering is shared: the sorted union of every part's class names.
 * Example ids are paths relative to the top folder, e.g. {@code train/cat/001.png}.
 */
final class SplitFolders {
  static final List<String> POOL = List.of("train", "pool");
  static final List<String> VALIDATION = List.of("val", "validation");
  static final String TEST = "test";

  private SplitFolders() {}

  /** Whether {@code folder}'s sub-folders are split names only, one of them train/ or pool/. */
  static boolean isSplitFolder(Path folder) {
    List<String> names = subFolderNames(folder);
    boolean hasPool = names.stream().anyMatch(POOL::contains);
    return hasPool
        && names.stream()
            .allMatch(n -> POOL.contains(n) || VALIDATION.contains(n) || n.equals(TEST));
  }

  static SplitDataset open(Path folder, DataRequest request) {
    if (request.poolSize() != null || request.validationSize() != null) {
      throw new IllegalArgumentException(
          "--pool-size and --validation-size do not apply to "
              + folder
              + ", which is split by its sub-folders (train/, val/, test/); use --limit");
    }
    if (request.folderOptions().split() != null) {
      throw new IllegalArgumentException(
          "--validation-split and --test-split do not apply to "
              + folder
              + ", which is split by its sub-folders (train/, val/, test/)");
    }
    Path pool = onlyOne(folder, POOL);
    Path validation = onlyOne(folder, VALIDATION);
    Path test = Files.isDirectory(folder.resolve(TEST)) ? folder.resolve(TEST) : null;
    List<Path> parts = new ArrayList<>();
    parts.add(pool);
    if (validation != null) {
      parts.add(validation);
    }
    if (test != null) {
      parts.add(test);
    }
    TreeSet<String> classes = new TreeSet<>();
    for (Path part : parts) {
      classes.addAll(ImageFolderReader.classNames(part));
    }
    List<String> classNames = List.copyOf(classes);
    ImageFolderReader reader = new ImageFolderReader(request.folderOptions());
    String name = folder.toAbsolutePath().normalize().getFileName().toString();
    Dataset poolSet = reader.read(folder, pool, classNames);
    Dataset train = poolSet;
    int validationSize = 0;
    if (validation != null) {
      Dataset validationSet = reader.read(folder, validation, classNames);
      train = new ConcatDataset(name, poolSet, validationSet);
      validationSize = validationSet.size();
    }
    Dataset testSet = test == null ? null : reader.read(folder, test, classNames);
    return new SplitDataset(name, train, testSet, poolSet.size(), validationSize);
  }

  private static Path onlyOne(Path folder, List<String> names) {
    List<Path> present = names.stream().map(folder::resolve).filter(Files::isDirectory).toList();
    if (present.size() > 1) {
      throw new InputException(
          "image folder "
              + folder
              + " has both "
              + names.get(0)
              + "/ and "
              + names.get(1)
              + "/; keep one");
    }
    return present.isEmpty() ? null : present.get(0);
  }

  private static List<String> subFolderNames(Path folder) {
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("."))
          .toList();
    } catch (IOException e) {
      throw new InputException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }
}
