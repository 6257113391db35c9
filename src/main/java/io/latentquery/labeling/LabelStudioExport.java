package io.latentquery.labeling;

import io.latentquery.data.Dataset;
import io.latentquery.files.AtomicFiles;
import io.latentquery.files.Json;
import io.latentquery.provenance.Provenance;
import io.latentquery.report.Pixels;
import io.latentquery.report.PngFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code lq label export}: the chosen pool images as a Label Studio project. The folder holds
 * {@code images/} (one PNG per example, {@code RANK-ID.png}), {@code tasks.json} in Label Studio's
 * import format (one task per image: {@code data.image} the local-files URL of the PNG, {@code
 * data.pool_id} the pool id), {@code labeling-config.xml} (the image and one single choice per
 * class) and {@link ExportManifest#FILE}. The folder is written whole or not at all.
 */
public final class LabelStudioExport {
  public static final String IMAGES = "images";
  public static final String TASKS = "tasks.json";
  public static final String CONFIG = "labeling-config.xml";

  /** The name of the choices in the labeling config, and the column of Label Studio's CSV. */
  public static final String FROM_NAME = "label";

  /** The name of the image in the labeling config and the task data key of its URL. */
  public static final String IMAGE = "image";

  /** The task data key of the pool id. */
  public static final String POOL_ID = "pool_id";

  /** Label Studio's URL prefix for files it serves from its local-files document root. */
  public static final String LOCAL_FILES = "/data/local-files/?d=";

  /**
   * What to export.
   *
   * @param pool the pool the selection was made from
   * @param indices the chosen pool positions, in rank order
   * @param classes the class names offered as choices, at least one
   * @param out the export folder
   * @param documentRoot the folder Label Studio serves local files from; {@code out} must lie in it
   * @param inputs the selection and data with checksums, for the manifest
   */
  public record Settings(
      Dataset pool,
      int[] indices,
      List<String> classes,
      Path out,
      Path documentRoot,
      Map<String, Object> inputs) {
    public Settings {
      if (indices.length == 0) {
        throw new IllegalArgumentException("the selection is empty");
      }
      if (classes.isEmpty()) {
        throw new IllegalArgumentException(
            "no classes to offer: the data has no class names; give --classes");
      }
      classes = List.copyOf(classes);
      indices = indices.clone();
      inputs = new LinkedHashMap<>(inputs);
    }
  }

  private LabelStudioExport() {}

  /** Writes the folder, replacing an existing one only when {@code replace}. */
  public static ExportManifest run(Settings settings, boolean replace) {
    Path root = settings.documentRoot().toAbsolutePath().normalize();
    Path out = settings.out().toAbsolutePath().normalize();
    if (!out.startsWith(root)) {
      throw new IllegalArgumentException(
          "--out " + settings.out() + " is not inside --document-root " + settings.documentRoot());
    }
    Dataset pool = settings.pool();
    List<String> ids = new ArrayList<>();
    List<Map<String, Object>> tasks = new ArrayList<>();
    List<String> names = new ArrayList<>();
    int digits = Math.max(4, Integer.toString(settings.indices().length).length());
    for (int rank = 0; rank < settings.indices().length; rank++) {
      int index = settings.indices()[rank];
      String id = pool.id(index);
      String name = String.format(Locale.ROOT, "%0" + digits + "d-%s.png", rank + 1, fileSafe(id));
      ids.add(id);
      names.add(name);
      String relative = root.relativize(out.resolve(IMAGES).resolve(name)).toString();
      Map<String, Object> data = new LinkedHashMap<>();
      data.put(IMAGE, LOCAL_FILES + relative.replace('\\', '/'));
      data.put(POOL_ID, id);
      tasks.add(Map.of("data", data));
    }
    Map<String, Object> provenanceSettings = new LinkedHashMap<>();
    provenanceSettings.put("classes", settings.classes());
    provenanceSettings.put("document_root", root.toString());
    ExportManifest manifest =
        new ExportManifest(
            ids,
            settings.classes(),
            pool.name(),
            settings.inputs(),
            Provenance.capture("label export", provenanceSettings, 0, pool.checksum()));
    AtomicFiles.writeFolder(
        out,
        replace,
        folder -> {
          Path images = Files.createDirectories(folder.resolve(IMAGES));
          for (int rank = 0; rank < names.size(); rank++) {
            float[] pixels = pool.image(settings.indices()[rank]);
            PngFiles.write(
                images.resolve(names.get(rank)), Pixels.toImage(pixels, 0, pool.shape(), 1));
          }
          Json.write(folder.resolve(TASKS), tasks);
          AtomicFiles.writeString(folder.resolve(CONFIG), config(settings.classes()));
          Json.write(folder.resolve(ExportManifest.FILE), manifest);
        });
    return manifest;
  }

  /** The labeling config: the image and one single choice per class. */
  static String config(List<String> classes) {
    StringBuilder xml = new StringBuilder();
    xml.append("<View>\n");
    xml.append("  <Image name=\"").append(IMAGE).append("\" value=\"$").append(IMAGE);
    xml.append("\" zoom=\"true\"/>\n");
    xml.append("  <Choices name=\"").append(FROM_NAME).append("\" toName=\"").append(IMAGE);
    xml.append("\" choice=\"single\" required=\"true\" showInline=\"true\">\n");
    for (String name : classes) {
      xml.append("    <Choice value=\"").append(escape(name)).append("\"/>\n");
    }
    xml.append("  </Choices>\n");
    xml.append("</View>\n");
    return xml.toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("\"", "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&apos;");
  }

  /** An id as part of a file name: letters, digits, dot, dash and underscore kept, others '_'. */
  static String fileSafe(String id) {
    StringBuilder name = new StringBuilder(id.length());
    for (char c : id.toCharArray()) {
      boolean keep =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '-'
              || c == '_';
      name.append(keep ? c : '_');
    }
    return name.toString();
  }
}
