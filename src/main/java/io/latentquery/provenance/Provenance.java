package io.latentquery.provenance;

import java.time.Instant;
import java.util.Map;

/**
 * Everything needed to reproduce a result, written beside it: what ran, with which settings and
 * seed, on which data (checksum), with which versions, on what machine, when.
 *
 * @param command the command that produced the result, e.g. {@code train}
 * @param settings the complete settings actually used, defaults included
 * @param seed the random seed
 * @param dataChecksum SHA-256 identifying the input data (and split)
 * @param versions tool, TensorFlow, Java and OS versions
 * @param machine processor count and memory
 * @param createdAt when the result was written (UTC)
 */
public record Provenance(
    String command,
    Object settings,
    long seed,
    String dataChecksum,
    Map<String, String> versions,
    Map<String, Object> machine,
    String createdAt) {

  public static Provenance capture(
      String command, Object settings, long seed, String dataChecksum) {
    Runtime runtime = Runtime.getRuntime();
    Map<String, Object> machine =
        Map.of(
            "processors", runtime.availableProcessors(),
            "maxHeapBytes", runtime.maxMemory(),
            "host", hostName());
    return new Provenance(
        command,
        settings,
        seed,
        dataChecksum,
        Versions.current(),
        machine,
        Instant.now().toString());
  }

  private static String hostName() {
    String host = System.getenv("HOSTNAME");
    return host == null ? "unknown" : host;
  }
}
