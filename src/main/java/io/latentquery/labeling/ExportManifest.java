package io.latentquery.labeling;

import io.latentquery.InputException;
import io.latentquery.files.Json;
import io.latentquery.provenance.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code lq label export} wrote, as {@code label-export.json} in its folder: the pool ids of
 * the tasks in task order, the classes offered, where they came from, and provenance.
 *
 * @param ids pool ids, one per task, in task order
 * @param classes the class names offered as choices
 * @param pool the pool the ids belong to
 * @param inputs the selection and data, with checksums
 * @param provenance settings, versions, time
 */
public record ExportManifest(
    List<String> ids,
    List<String> classes,
    String pool,
    Map<String, Object> inputs,
    Provenance provenance) {
  public static final String FILE = "label-export.json";

  /** The manifest in export folder {@code folder}. */
  public static ExportManifest read(Path folder) {
    Path file = folder.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new InputException(
          "no " + FILE + " in " + folder + "; give the folder lq label export wrote");
    }
    ExportManifest manifest = Json.read(file, ExportManifest.class);
    if (manifest.ids() == null || manifest.classes() == null) {
      throw new InputException(file + " lists no ids or no classes");
    }
    return manifest;
  }
}
