package io.latentquery.sampling.job;

import io.latentquery.data.Dataset;
import io.latentquery.inference.EncodingModels;
import io.latentquery.inference.Encodings;
import io.latentquery.inference.ReconstructionError;
import io.latentquery.inference.SavedModelAutoencoder;
import io.latentquery.inference.SavedModelEncoder;
import io.latentquery.inference.SignatureSpec;
import io.latentquery.provenance.Provenance;
import io.latentquery.sampling.io.LatentFile;
import io.latentquery.sampling.strategy.SelectionService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pool ready to select from, built once: its encodings, the autoencoder's reconstruction errors
 * when asked for, and what it was made from (paths and checksums, for the selection's record).
 */
public final class EncodedPool {
  private final Encodings encodings;
  private final double[] errors;
  private final ReconstructionError errorMeasure;
  private final Map<String, Object> inputs;
  private final List<Provenance.Input> sources;
  private final String dataChecksum;
  private final double seconds;

  private EncodedPool(Encodings encodings, Errors errors, Sources sources, double seconds) {
    this.encodings = encodings;
    this.errors = errors.values();
    this.errorMeasure = errors.measure();
    this.inputs = Collections.unmodifiableMap(sources.listed);
    this.sources = List.copyOf(sources.typed);
    this.dataChecksum = (String) inputs.getOrDefault("latent_sha256", inputs.get("data_checksum"));
    this.seconds = seconds;
  }

  /** The reconstruction errors and how they were measured; both null without an autoencoder. */
  private record Errors(double[] values, ReconstructionError measure) {
    static final Errors NONE = new Errors(null, null);
  }

  /** The inputs as selection.json lists them and as provenance records them, built together. */
  private static final class Sources {
    final Map<String, Object> listed = new LinkedHashMap<>();
    final List<Provenance.Input> typed = new ArrayList<>();

    /** A file or folder under {@code role}: its path and checksum, listed and typed. */
    void add(String role, Path path) {
      Provenance.Input input = Provenance.Input.of(role, path);
      typed.add(input);
      listed.put(role, input.path());
      listed.put(role + "_sha256", input.sha256());
    }
  }

  /**
   * Reads or computes the encodings (and errors) that {@code settings} describe.
   *
   * @param data the examples {@code settings.data()} names, already opened (null without data): the
   *     caller may hold them open for other uses, as an experiment does
   * @param progress shows each pass through a model
   */
  public static EncodedPool build(PoolSettings settings, Dataset data, ProgressDisplay progress) {
    if ((data == null) != (settings.data() == null)) {
      throw new IllegalArgumentException(
          data == null ? "the pool's data is not open" : "data given, but the settings name none");
    }
    long start = System.nanoTime();
    EncodingModels models = settings.models();
    Sources inputs = new Sources();
    Encodings encodings;
    if (settings.latent() != null) {
      encodings = LatentFile.read(settings.latent());
      inputs.add("latent", settings.latent());
    } else {
      try (SavedModelEncoder model =
              SavedModelEncoder.open(models.encoder(), models.signature(), models.threads());
          ProgressDisplay.Task task = progress.start("encode", data.size())) {
        encodings = model.encode(data, models.batchSize(), task);
      }
      inputs.add("encoder", models.encoder());
      inputs.listed.put("signature", models.signature());
    }
    if (data != null) {
      inputs.listed.put("data", data.name());
      inputs.listed.put("split", settings.split().label());
      inputs.listed.put("limit", settings.limit());
      inputs.listed.put("data_checksum", data.checksum());
      inputs.typed.add(new Provenance.Input("data", data.name(), data.checksum(), null));
    }
    Errors errors = Errors.NONE;
    if (models.autoencoder() != null) {
      SelectionService.checkSameExamples(data, encodings);
      try (SavedModelAutoencoder autoencoder =
              SavedModelAutoencoder.open(
                  models.autoencoder(),
                  SignatureSpec.autoencoder().trusted(models.signature().trusted()),
                  models.threads());
          ProgressDisplay.Task task = progress.start("reconstruct", data.size())) {
        errors =
            new Errors(
                autoencoder.errors(data, models.batchSize(), models.errorMeasure(), task),
                models.errorMeasure());
      }
      inputs.add("autoencoder", models.autoencoder());
    }
    return new EncodedPool(encodings, errors, inputs, (System.nanoTime() - start) / 1e9);
  }

  public Encodings encodings() {
    return encodings;
  }

  /** Whether the pool has the autoencoder's reconstruction errors. */
  public boolean hasErrors() {
    return errors != null;
  }

  /**
   * The reconstruction error per example, measured by {@link #errorMeasure}, in pool order; null
   * without an autoencoder.
   */
  public double[] errors() {
    return errors;
  }

  /** How {@link #errors} were measured; null without an autoencoder. */
  public ReconstructionError errorMeasure() {
    return errorMeasure;
  }

  /**
   * What the pool was made from, as {@code selection.json} lists it: the encodings file or the
   * encoder, the data (name, split, limit, checksum) and the autoencoder, each with its SHA-256.
   */
  public Map<String, Object> inputs() {
    return inputs;
  }

  /**
   * The same inputs as provenance records them: role, path, checksum and, for a SavedModel or an
   * encodings file, the provenance written beside it (the encoder's training run, say).
   */
  public List<Provenance.Input> sources() {
    return sources;
  }

  /** Identifies the examples: the encodings file's checksum, or else the data's. */
  public String dataChecksum() {
    return dataChecksum;
  }

  /** Wall-clock seconds spent reading or computing the pool. */
  public double seconds() {
    return seconds;
  }
}
