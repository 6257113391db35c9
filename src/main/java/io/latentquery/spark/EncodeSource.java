package io.latentquery.spark;

import io.latentquery.data.DataRequest;
import io.latentquery.data.Split;
import java.nio.file.Path;

/** Where {@code lq spark encode} reads its images: a dataset split, or a Parquet image table. */
public sealed interface EncodeSource permits EncodeSource.DatasetSplit, ImageTable {

  /**
   * A dataset split as {@code lq encode} opens it: an IDX dataset or an image folder under the data
   * folder, which every executor must see at the same path.
   *
   * @param dataDir the data folder every executor reads
   * @param data the dataset and how it is split
   * @param split the split to encode
   * @param limit the first examples of the split only, or null for all
   */
  record DatasetSplit(Path dataDir, DataRequest data, Split split, Integer limit)
      implements EncodeSource {
    public DatasetSplit {
      if (data == null) {
        throw new IllegalArgumentException("--data is required");
      }
      if (limit != null && limit < 1) {
        throw new IllegalArgumentException("--limit must be >= 1, got " + limit);
      }
      split = split == null ? Split.POOL : split;
    }
  }
}
