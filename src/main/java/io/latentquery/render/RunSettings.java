package io.latentquery.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentquery.InputException;
import io.latentquery.data.DataRequest;
import io.latentquery.data.FolderSplit;
import io.latentquery.data.ImageFolderOptions;
import io.latentquery.data.ImageShape;
import io.latentquery.files.Json;
import java.nio.file.Path;

/**
 * What a report needs from a run's {@code settings.json}: the data request and the pool limit the
 * model was trained with. Read as plain JSON (fields {@code data.dataset}, {@code data.poolSize},
 * {@code data.validationSize}, {@code data.folderOptions} with its {@code split}, {@code limit}),
 * never through the training code's classes, so settings written by other versions or tools are
 * read too; fields other than these are only shown.
 *
 * @param file where the settings were read from
 * @param document the whole file, shown in the report
 * @param data the dataset and split sizes the run used
 * @param limit the run's pool limit, or null for the whole pool
 */
public record RunSettings(Path file, JsonNode document, DataRequest data, Integer limit) {
  public static RunSettings read(Path file) {
    JsonNode root = Json.readTree(file);
    if (!root.isObject()) {
      throw new InputException(file + ": expected a JSON object of training settings");
    }
    JsonNode data = root.path("data");
    String dataset = data.path("dataset").asText("");
    if (dataset.isBlank()) {
      throw new InputException(file + ": missing text field 'data.dataset'; give --data");
    }
    JsonNode folder = data.path("folderOptions");
    ImageFolderOptions folderOptions =
        folder.isObject()
            ? new ImageFolderOptions(
                folder.path("channels").asInt(1),
                shape(file, folder.path("resize")),
                folderSplit(file, folder.path("split")))
            : null;
    DataRequest request =
        new DataRequest(
            dataset,
            positive(file, data, "poolSize", "data.poolSize"),
            optionalInt(file, data, "validationSize", "data.validationSize"),
            folderOptions);
    return new RunSettings(file, root, request, positive(file, root, "limit", "limit"));
  }

  /** These settings with the dataset name or path replaced, split sizes and folder options kept. */
  public RunSettings withDataset(String dataset) {
    return new RunSettings(
        file,
        document,
        new DataRequest(dataset, data.poolSize(), data.validationSize(), data.folderOptions()),
        limit);
  }

  private static Integer positive(Path file, JsonNode parent, String field, String name) {
    Integer value = optionalInt(file, parent, field, name);
    if (value != null && value < 1) {
      throw new InputException(file + ": '" + name + "' must be >= 1, got " + value);
    }
    return value;
  }

  private static Integer optionalInt(Path file, JsonNode parent, String field, String name) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.canConvertToInt() || !node.isIntegralNumber()) {
      throw new InputException(file + ": '" + name + "' must be a whole number, got " + node);
    }
    return node.asInt();
  }

  private static FolderSplit folderSplit(Path file, JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    try {
      return new FolderSplit(
          node.path("validation").asDouble(0),
          node.path("test").asDouble(0),
          node.path("seed").asLong(0));
    } catch (IllegalArgumentException e) {
      throw new InputException(file + ": 'data.folderOptions.split': " + e.getMessage(), e);
    }
  }

  private static ImageShape shape(Path file, JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return ImageShape.parse(node.asText());
    }
    try {
      return new ImageShape(
          node.path("height").asInt(0),
          node.path("width").asInt(0),
          node.path("channels").asInt(1));
    } catch (IllegalArgumentException e) {
      throw new InputException(
          file + ": unusable 'data.folderOptions.resize' " + node + ": " + e.getMessage(), e);
    }
  }
}
