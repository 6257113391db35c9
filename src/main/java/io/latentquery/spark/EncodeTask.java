package io.latentquery.spark;

import io.latentquery.data.DataCatalog;
import io.latentquery.data.DataRequest;
import io.latentquery.data.Dataset;
import io.latentquery.data.Split;
import io.latentquery.files.Json;
import io.latentquery.inference.Encodings;
import io.latentquery.inference.ReconstructionError;
import io.latentquery.inference.SavedModelAutoencoder;
import io.latentquery.inference.SavedModelEncoder;
import io.latentquery.inference.SignatureSpec;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * What one executor task does: open the dataset split as {@code lq encode} does, load the encoder
 * (and the autoencoder) SavedModel once, and encode its ranges of examples through the {@code
 * inference} classes, so the numbers are {@code lq encode}'s. The settings travel as JSON, the form
 * their records already have.
 */
final class EncodeTask implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String settingsJson;

  EncodeTask(SparkEncodeSettings settings) {
    try {
      this.settingsJson = Json.mapper().writeValueAsString(Wire.of(settings));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the encode settings", e);
    }
  }

  /** The settings in a form Jackson writes and reads back whole. */
  record Wire(
      String dataDir,
      DataRequest data,
      String split,
      Integer limit,
      String encoder,
      SignatureSpec signature,
      String autoencoder,
      String errorMeasure,
      int batchSize,
      int threads) {
    static Wire of(SparkEncodeSettings s) {
      return new Wire(
          s.dataDir().toString(),
          s.data(),
          s.split().label(),
          s.limit(),
          s.encoder().toString(),
          s.signature(),
          s.autoencoder() == null ? null : s.autoencoder().toString(),
          s.errorMeasure().label(),
          s.batchSize(),
          s.threads());
    }
  }

  private Wire wire() {
    try {
      return Json.mapper().readValue(settingsJson, Wire.class);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The examples the settings name, opened as lq encode opens them. */
  static Dataset open(Path dataDir, DataRequest data, Split split, Integer limit) {
    Dataset dataset = new DataCatalog(dataDir).open(data).split(split);
    return limit == null ? dataset : dataset.limit(limit);
  }

  /** Encodes the ranges {from, to} of one partition to encodings rows. */
  Iterator<Row> run(Iterator<int[]> ranges) {
    List<int[]> mine = new ArrayList<>();
    ranges.forEachRemaining(mine::add);
    if (mine.isEmpty()) {
      return List.<Row>of().iterator();
    }
    Wire w = wire();
    Dataset all = open(Path.of(w.dataDir()), w.data(), Split.parse(w.split()), w.limit());
    List<Row> rows = new ArrayList<>();
    try (SavedModelEncoder encoder =
            SavedModelEncoder.open(Path.of(w.encoder()), w.signature(), w.threads());
        SavedModelAutoencoder autoencoder =
            w.autoencoder() == null
                ? null
                : SavedModelAutoencoder.open(
                    Path.of(w.autoencoder()),
                    SignatureSpec.autoencoder().trusted(w.signature().trusted()),
                    w.threads())) {
      for (int[] range : mine) {
        Dataset slice = all.slice(all.name(), range[0], range[1]);
        Encodings encodings = encoder.encode(slice, w.batchSize(), done -> {});
        double[] errors =
            autoencoder == null
                ? null
                : autoencoder.errors(
                    slice, w.batchSize(), ReconstructionError.parse(w.errorMeasure()), done -> {});
        for (int i = 0; i < encodings.count(); i++) {
          List<Object> row = new ArrayList<>(5);
          row.add((long) range[0] + i);
          row.add(encodings.id(i));
          row.add(encodings.label(i));
          row.add(
              scala.jdk.javaapi.CollectionConverters.asScala(
                  Arrays.stream(encodings.point(i)).boxed().toList()));
          if (errors != null) {
            row.add(errors[i]);
          }
          rows.add(RowFactory.create(row.toArray()));
        }
      }
    }
    return rows.iterator();
  }
}
