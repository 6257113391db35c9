package io.latentquery.provenance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.latentquery.InputException;
import io.latentquery.files.Checksums;
import io.latentquery.files.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to reproduce a result, written beside it: what ran, with which settings and
 * seed, on which inputs (each with its checksum and, where one was written beside it, its own
 * provenance), with which versions, on what machine, when, and what it measured. Files written
 * before inputs and results were recorded still read: those fields are then empty.
 *
 * @param command the command that produced the result, e.g. {@code train}
 * @param settings the complete settings actually used, defaults included (a settings record)
 * @param seed the random seed
 * @param dataChecksum SHA-256 identifying the input data (and split)
 * @param inputs the files and data the result was made from, by role
 * @param results what the run measured (time, counts), kept apart from what it was asked to do
 * @param versions tool, TensorFlow, Java and OS versions (and the code's commit, where known)
 * @param machine processor count, memory and host
 * @param createdAt when the result was written (UTC)
 */
public record Provenance(
    String command,
    Object settings,
    long seed,
    String dataChecksum,
    List<Input> inputs,
    Map<String, Object> results,
    Map<String, String> versions,
    Machine machine,
    String createdAt) {

  /** The name of the provenance file beside a run folder or an export. */
  public static final String FILE_NAME = "provenance.json";

  private static final ObjectMapper LENIENT =
      Json.mapper().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public Provenance {
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
    results = results == null ? Map.of() : java.util.Collections.unmodifiableMap(results);
  }

  /**
   * One input of a run.
   *
   * @param role what the input was for, e.g. {@code encoder}, {@code data}, {@code labeled}
   * @param path where it was read from, or the dataset's name
   * @param sha256 SHA-256 of the file, of a folder's files, or the data checksum
   * @param upstream the provenance written beside the input when it was made (the encoder's
   *     training run, say), or null
   */
  public record Input(String role, String path, String sha256, Provenance upstream) {
    /** A file or folder: its checksum, and the provenance found {@linkplain #beside beside} it. */
    public static Input of(String role, Path path) {
      return new Input(role, path.toString(), Checksums.sha256(path), beside(path));
    }
  }

  /** The machine a run ran on. */
  public record Machine(String host, long maxHeapBytes, int processors) {
    static Machine current() {
      Runtime runtime = Runtime.getRuntime();
      String host = System.getenv("HOSTNAME");
      return new Machine(
          host == null ? "unknown" : host, runtime.maxMemory(), runtime.availableProcessors());
    }
  }

  /** Provenance of a run now, without recorded inputs or results. */
  public static Provenance capture(
      String command, Object settings, long seed, String dataChecksum) {
    return builder(command).settings(settings).seed(seed).dataChecksum(dataChecksum).build();
  }

  /** Provenance of a run of {@code command} now; versions, machine and time are filled in. */
  public static Builder builder(String command) {
    return new Builder(command);
  }

  /**
   * Reads a provenance file, of this version or an older one (fields it does not know are skipped,
   * fields it lacks are empty).
   */
  public static Provenance read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InputException("missing file: " + file);
    }
    try {
      return LENIENT.readValue(file.toFile(), Provenance.class);
    } catch (IOException e) {
      throw new InputException("cannot read " + file + " as provenance: " + e.getMessage(), e);
    }
  }

  /**
   * The provenance written beside an artefact when it was made, or null when there is none: for a
   * folder its own {@value #FILE_NAME} or, as {@code lq export} copies the run's provenance to
   * {@code savedmodels/NAME/} beside {@code encoder/}, its parent's; for a file {@code NAME.json}
   * (as {@code lq encode} writes it). A file there that is not provenance is not one.
   */
  public static Provenance beside(Path artefact) {
    List<Path> candidates = new ArrayList<>();
    if (Files.isDirectory(artefact)) {
      candidates.add(artefact.resolve(FILE_NAME));
      Path parent = artefact.toAbsolutePath().getParent();
      if (parent != null) {
        candidates.add(parent.resolve(FILE_NAME));
      }
    } else {
      candidates.add(artefact.resolveSibling(artefact.getFileName() + ".json"));
    }
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate)) {
        Provenance found;
        try {
          found = read(candidate);
        } catch (InputException e) {
          continue;
        }
        if (found.command() != null && found.createdAt() != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** Names each field, so that none is passed in another's place. */
  public static final class Builder {
    private final String command;
    private Object settings;
    private long seed;
    private String dataChecksum;
    private final List<Input> inputs = new ArrayList<>();
    private final Map<String, Object> results = new LinkedHashMap<>();

    private Builder(String command) {
      this.command = command;
    }

    public Builder settings(Object settings) {
      this.settings = settings;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder dataChecksum(String dataChecksum) {
      this.dataChecksum = dataChecksum;
      return this;
    }

    public Builder input(Input input) {
      inputs.add(input);
      return this;
    }

    public Builder inputs(List<Input> more) {
      inputs.addAll(more);
      return this;
    }

    /** A measured result, such as {@code seconds}. */
    public Builder result(String name, Object value) {
      results.put(name, value);
      return this;
    }

    public Provenance build() {
      return new Provenance(
          command,
          settings,
          seed,
          dataChecksum,
          inputs,
          new LinkedHashMap<>(results),
          Versions.current(),
          Machine.current(),
          Instant.now().toString());
    }
  }
}
