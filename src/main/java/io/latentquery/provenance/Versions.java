package io.latentquery.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Versions of this tool, its TensorFlow build, the git commit it was built from (and whether that
 * tree had uncommitted changes to tracked files), Java and the OS, as written into provenance. A
 * build outside a git checkout records no commit rather than a placeholder.
 */
public final class Versions {
  /** Key of the build's git commit in {@link #current()}. */
  public static final String GIT_COMMIT = "git.commit";

  /** Key of the build's dirty flag ({@code true} or {@code false}) in {@link #current()}. */
  public static final String GIT_DIRTY = "git.dirty";

  /** The build's {@code git describe --always --dirty}, read to derive {@link #GIT_DIRTY}. */
  private static final String GIT_DESCRIBE = "git.describe";

  private static final String DIRTY_SUFFIX = "-dirty";

  private Versions() {}

  public static Map<String, String> current() {
    Map<String, String> versions = new TreeMap<>();
    Properties built = new Properties();
    try (InputStream in = Versions.class.getResourceAsStream("versions.properties")) {
      if (in != null) {
        built.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    built.forEach(
        (k, v) -> {
          if (!v.toString().contains("${")) {
            versions.put(k.toString(), v.toString());
          }
        });
    String describe = versions.remove(GIT_DESCRIBE);
    if (describe != null && versions.containsKey(GIT_COMMIT)) {
      versions.put(GIT_DIRTY, String.valueOf(describe.endsWith(DIRTY_SUFFIX)));
    }
    versions.put(
        "java", System.getProperty("java.runtime.version", System.getProperty("java.version")));
    versions.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    return versions;
  }

  /** The git commit the tool was built from, or {@code unknown} outside a git checkout. */
  public static String commit() {
    return current().getOrDefault(GIT_COMMIT, "unknown");
  }

  /** Whether the tree the tool was built from had uncommitted changes (false when unknown). */
  public static boolean dirty() {
    return Boolean.parseBoolean(current().getOrDefault(GIT_DIRTY, "false"));
  }

  public static String tool() {
    return current().getOrDefault("latent-query", "unknown");
  }
}
