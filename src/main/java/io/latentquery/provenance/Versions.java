package io.latentquery.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** Versions of this tool, its TensorFlow build, Java and the OS, as written into provenance. */
public final class Versions {
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
    built.forEach((k, v) -> versions.put(k.toString(), v.toString()));
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

  public static String tool() {
    return current().getOrDefault("latent-query", "unknown");
  }
}
