package io.latentquery.spark;

import io.latentquery.data.DataCatalog;
import io.latentquery.data.DataRequest;
import io.latentquery.data.Dataset;
import io.latentquery.data.Split;
import io.latentquery.files.Json;
import io.latentquery.spark.EncodeSource.DatasetSplit;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * What one executor task does for a dataset split: open the split as {@code lq encode} does, load
 * the models once ({@link PartitionEncoder}) and encode its ranges of examples. The settings travel
 * as JSON, the form their records already have.
 */
final class EncodeTask implements Serializable {
  private static final long serialVersionUID = 2L;

  private final String splitJson;
  private final String modelsJson;

  EncodeTask(DatasetSplit split, SparkEncodeSettings settings) {
    try {
      this.splitJson = Json.mapper().writeValueAsString(Wire.of(split));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the dataset split", e);
    }
    this.modelsJson = PartitionEncoder.json(settings.models());
  }

  /** The split in a form Jackson writes and reads back whole. */
  record Wire(String dataDir, DataRequest data, String split, Integer limit) {
    static Wire of(DatasetSplit s) {
      return new Wire(s.dataDir().toString(), s.data(), s.split().label(), s.limit());
    }

    DatasetSplit source() {
      return new DatasetSplit(Path.of(dataDir), data, Split.parse(split), limit);
    }
  }

  /** The examples {@code split} names, opened as lq encode opens them. */
  static Dataset open(DatasetSplit split) {
    Dataset dataset = new DataCatalog(split.dataDir()).open(split.data()).split(split.split());
    return split.limit() == null ? dataset : dataset.limit(split.limit());
  }

  /** Encodes the ranges {from, to} of one partition to encodings rows. */
  Iterator<Row> run(Iterator<int[]> ranges) {
    List<int[]> mine = new ArrayList<>();
    ranges.forEachRemaining(mine::add);
    if (mine.isEmpty()) {
      return List.<Row>of().iterator();
    }
    Dataset all;
    try {
      all = open(Json.mapper().readValue(splitJson, Wire.class).source());
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Row> rows = new ArrayList<>();
    try (PartitionEncoder encoder = PartitionEncoder.open(PartitionEncoder.parse(modelsJson))) {
      for (int[] range : mine) {
        rows.addAll(
            encoder.rows(
                all.slice(all.name(), range[0], range[1]),
                java.util.stream.LongStream.range(range[0], range[1]).toArray()));
      }
    }
    return rows.iterator();
  }
}
