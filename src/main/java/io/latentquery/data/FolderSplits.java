package io.latentquery.data;

import io.latentquery.InputException;
import io.latentquery.files.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Splits one image folder into pool, validation and test by fraction, and keeps the split: the
 * first time it is asked for, the split is written to the folder's {@code dataset.json}; from then
 * on that file decides, with or without the options, until it is deleted.
 */
final class FolderSplits {
  private FolderSplits() {}

  /** Whether {@code file} is a recorded folder split rather than an IDX manifest. */
  static boolean isRecord(Path file) {
    return FolderSplitRecord.FORMAT.equals(Json.readTree(file).path("format").asText());
  }

  static SplitDataset open(Path folder, DataRequest request) {
    if (request.poolSize() != null || request.validationSize() != null) {
      throw new IllegalArgumentException(
          "--pool-size and --validation-size do not apply to "
              + folder
              + ", which is split by fraction (--validation-split, --test-split); use --limit");
    }
    Dataset all = new ImageFolderReader(request.folderOptions()).read(folder);
    Path file = folder.resolve(DatasetManifest.FILE_NAME);
    FolderSplit wanted = request.folderOptions().split();
    FolderSplitRecord record;
    if (Files.isRegularFile(file)) {
      record = Json.read(file, FolderSplitRecord.class);
      if (wanted != null && !wanted.equals(record.split())) {
        throw new InputException(
            file
                + " keeps the split "
                + record.split().flags()
                + ", not "
                + wanted.flags()
                + "; delete it to split the folder again");
      }
    } else {
      record = split(all, wanted);
      Json.write(file, record);
    }
    return apply(folder, all, record);
  }

  /** Splits {@code all}: each class (or the whole folder when unlabeled) on its own. */
  static FolderSplitRecord split(Dataset all, FolderSplit split) {
    List<List<Integer>> groups = new ArrayList<>();
    if (all.hasLabels()) {
      for (int c = 0; c < all.numClasses(); c++) {
        groups.add(new ArrayList<>());
      }
      for (int i = 0; i < all.size(); i++) {
        groups.get(all.label(i)).add(i);
      }
    } else {
      List<Integer> every = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        every.add(i);
      }
      groups.add(every);
    }
    int[] part = new int[all.size()];
    SplittableRandom random = new SplittableRandom(split.seed());
    for (List<Integer> group : groups) {
      int[] order = Shuffle.permutation(group.size(), random);
      int validation = (int) Math.round(group.size() * split.validation());
      int test = (int) Math.round(group.size() * split.test());
      for (int k = 0; k < order.length; k++) {
        int index = group.get(order[k]);
        part[index] = k < validation ? 1 : k < validation + test ? 2 : 0;
      }
    }
    List<List<String>> ids = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < all.size(); i++) {
      ids.get(part[i]).add(all.id(i));
    }
    if (ids.get(0).isEmpty()) {
      throw new IllegalArgumentException(
          split.flags() + " leaves no pool image of the " + all.size() + " in " + all.name());
    }
    return new FolderSplitRecord(
        FolderSplitRecord.FORMAT, split, all.hasLabels(), ids.get(0), ids.get(1), ids.get(2));
  }

  private static SplitDataset apply(Path folder, Dataset all, FolderSplitRecord record) {
    Map<String, Integer> indexById = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      indexById.put(all.id(i), i);
    }
    Set<String> listed = new HashSet<>();
    int[] pool = indices(folder, record.pool(), indexById, listed);
    int[] validation = indices(folder, record.validation(), indexById, listed);
    int[] test = indices(folder, record.test(), indexById, listed);
    for (int i = 0; i < all.size(); i++) {
      if (!listed.contains(all.id(i))) {
        throw new InputException(
            folder.resolve(all.id(i))
                + " is not in the split kept in "
                + folder.resolve(DatasetManifest.FILE_NAME)
                + "; delete that file to split the folder again");
      }
    }
    String name = all.name();
    int[] train = new int[pool.length + validation.length];
    System.arraycopy(pool, 0, train, 0, pool.length);
    System.arraycopy(validation, 0, train, pool.length, validation.length);
    Dataset testSet = test.length == 0 ? null : all.subset(name + "/test", test);
    return new SplitDataset(name, all.subset(name, train), testSet, pool.length, validation.length);
  }

  private static int[] indices(
      Path folder, List<String> ids, Map<String, Integer> indexById, Set<String> listed) {
    int[] out = new int[ids.size()];
    for (int k = 0; k < out.length; k++) {
      Integer index = indexById.get(ids.get(k));
      if (index == null || !listed.add(ids.get(k))) {
        throw new InputException(
            folder.resolve(DatasetManifest.FILE_NAME)
                + " lists "
                + ids.get(k)
                + (index == null ? ", which is not in the folder" : " twice")
                + "; delete that file to split the folder again");
      }
      out[k] = index;
    }
    return out;
  }
}
