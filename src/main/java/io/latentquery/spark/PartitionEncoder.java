package io.latentquery.spark;

import io.latentquery.data.Dataset;
import io.latentquery.files.Json;
import io.latentquery.inference.EncodingModels;
import io.latentquery.inference.Encodings;
import io.latentquery.inference.SavedModelAutoencoder;
import io.latentquery.inference.SavedModelEncoder;
import io.latentquery.inference.SignatureSpec;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The SavedModels one executor task loads once (the encoder and, if asked, the autoencoder) and the
 * encodings rows it makes from a run of examples through the {@code inference} classes, so the
 * numbers are {@code lq encode}'s.
 */
final class PartitionEncoder implements AutoCloseable {
  /** {@code models} as a string that travels to the executors. */
  static String json(EncodingModels models) {
    try {
      return Json.mapper().writeValueAsString(models);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the encode settings", e);
    }
  }

  /** The models that {@link #json} wrote. */
  static EncodingModels parse(String json) {
    try {
      return Json.mapper().readValue(json, EncodingModels.class);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private final EncodingModels models;
  private final SavedModelEncoder encoder;
  private final SavedModelAutoencoder autoencoder;

  private PartitionEncoder(
      EncodingModels models, SavedModelEncoder encoder, SavedModelAutoencoder autoencoder) {
    this.models = models;
    this.encoder = encoder;
    this.autoencoder = autoencoder;
  }

  static PartitionEncoder open(EncodingModels models) {
    SavedModelEncoder encoder =
        SavedModelEncoder.open(models.encoder(), models.signature(), models.threads());
    try {
      SavedModelAutoencoder autoencoder =
          models.autoencoder() == null
              ? null
              : SavedModelAutoencoder.open(
                  models.autoencoder(),
                  SignatureSpec.autoencoder().trusted(models.signature().trusted()),
                  models.threads());
      return new PartitionEncoder(models, encoder, autoencoder);
    } catch (RuntimeException e) {
      encoder.close();
      throw e;
    }
  }

  /** The encodings rows of {@code examples}, example i numbered {@code indices[i]}. */
  List<Row> rows(Dataset examples, long[] indices) {
    if (indices.length != examples.size()) {
      throw new IllegalArgumentException(
          indices.length + " row numbers for " + examples.size() + " examples");
    }
    Encodings encodings = encoder.encode(examples, models.batchSize(), done -> {});
    double[] errors =
        autoencoder == null
            ? null
            : autoencoder.errors(examples, models.batchSize(), models.errorMeasure(), done -> {});
    List<Row> rows = new ArrayList<>(encodings.count());
    for (int i = 0; i < encodings.count(); i++) {
      List<Object> row = new ArrayList<>(5);
      row.add(indices[i]);
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
    return rows;
  }

  @Override
  public void close() {
    try (SavedModelEncoder e = encoder;
        SavedModelAutoencoder a = autoencoder) {
      // closes both
    }
  }
}
