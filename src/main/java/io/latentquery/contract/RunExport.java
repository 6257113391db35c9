package io.latentquery.contract;

import io.latentquery.files.Json;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a training run's SavedModels went: {@code export.json} in the run folder, written by {@code
 * lq train} and {@code lq export} after each export, and read by every command that takes {@code
 * --run}, so that a run exported with {@code --export-to DIR} is found without repeating DIR. A run
 * without the file is looked for in {@code savedmodels/NAME}.
 *
 * @param folder the export folder (encoder/, decoder/, autoencoder/), an absolute path
 */
public record RunExport(String folder) {
  public static final String FILE = "export.json";

  /** Folder of all exports by default; a run's export is {@code savedmodels/NAME}. */
  public static final String DEFAULT_PARENT = "savedmodels";

  public RunExport {
    if (folder == null || folder.isBlank()) {
      throw new IllegalArgumentException("an export folder is required");
    }
  }

  /** Records in {@code run} that its SavedModels are in {@code exportFolder}. */
  public static void record(Path run, Path exportFolder) {
    Json.write(
        run.resolve(FILE), new RunExport(exportFolder.toAbsolutePath().normalize().toString()));
  }

  /** The run's recorded export folder, else {@code savedmodels/NAME}. */
  public static Path locate(Path run) {
    Path file = run.resolve(FILE);
    if (Files.isRegularFile(file)) {
      return Path.of(Json.read(file, RunExport.class).folder());
    }
    return defaultFolder(run);
  }

  /** {@code savedmodels/NAME}, NAME being the run folder's name. */
  public static Path defaultFolder(Path run) {
    Path name = run.toAbsolutePath().normalize().getFileName();
    return Path.of(DEFAULT_PARENT, name == null ? "run" : name.toString());
  }
}
