package io.latentquery.export;

import io.latentquery.model.AutoencoderConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * What an export is made from.
 *
 * @param config the trained model's architecture
 * @param checkpointPrefix the prefix of the TensorFlow variable files holding its weights
 * @param companions files copied beside the exports (provenance.json, settings.json)
 */
public record ExportSource(AutoencoderConfig config, Path checkpointPrefix, List<Path> companions) {
  public ExportSource {
    if (config == null || checkpointPrefix == null) {
      throw new IllegalArgumentException("config and checkpoint prefix are required");
    }
    companions = List.copyOf(companions);
  }
}
