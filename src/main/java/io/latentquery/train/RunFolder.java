package io.latentquery.train;

import io.latentquery.InputException;
import io.latentquery.files.AtomicFiles;
import io.latentquery.files.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A training run's folder, {@code models/NAME/}: settings.json, provenance.json, metrics.csv and
 * {@code checkpoint/} (TensorFlow variable files {@code variables.*} with weights and optimizer
 * state, and state.json with the epoch). The checkpoint folder is replaced atomically, so it always
 * holds the last completed epoch.
 */
public record RunFolder(Path path) {
  public static final String SETTINGS = "settings.json";
  public static final String PROVENANCE = "provenance.json";
  public static final String METRICS = "metrics.csv";
  public static final String CHECKPOINT = "checkpoint";
  public static final String STATE = "state.json";

  /** File-name prefix of the TensorFlow variable files inside the checkpoint folder. */
  public static final String VARIABLES = "variables";

  /** The run's name: the folder's name, also the default export name. */
  public String name() {
    return path.toAbsolutePath().normalize().getFileName().toString();
  }

  public Path settings() {
    return path.resolve(SETTINGS);
  }

  public Path provenance() {
    return path.resolve(PROVENANCE);
  }

  public Path metrics() {
    return path.resolve(METRICS);
  }

  public Path checkpoint() {
    return path.resolve(CHECKPOINT);
  }

  /** The prefix TensorFlow reads the checkpoint's variables from. */
  public Path variablesPrefix() {
    return checkpoint().resolve(VARIABLES);
  }

  public boolean exists() {
    return Files.exists(path);
  }

  /** The last completed epoch's state, or empty when no epoch has completed. */
  public Optional<CheckpointState> checkpointState() {
    Path state = checkpoint().resolve(STATE);
    return Files.isRegularFile(state)
        ? Optional.of(Json.read(state, CheckpointState.class))
        : Optional.empty();
  }

  /** The settings a run was started with. */
  public TrainSettings readSettings() {
    if (!Files.isRegularFile(settings())) {
      throw new InputException("not a training run: " + path + " has no " + SETTINGS);
    }
    return Json.read(settings(), TrainSettings.class);
  }

  /** Replaces the checkpoint with the session's variables and {@code state}, atomically. */
  public void saveCheckpoint(TrainingSession session, CheckpointState state) {
    AtomicFiles.writeFolder(
        checkpoint(),
        true,
        folder -> {
          session.save(folder.resolve(VARIABLES));
          Json.write(folder.resolve(STATE), state);
        });
  }
}
