package io.latentquery.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.latentquery.InputException;
import io.latentquery.data.DataRequest;
import io.latentquery.data.ImageFolderOptions;
import io.latentquery.data.ImageShape;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSettingsTest {
  @TempDir Path dir;

  /** settings.json as 'lq train' writes it (fields the report does not use are only shown). */
  private static final String TRAINED =
      """
      {
        "model" : { "kind" : "conv", "input" : { "height" : 28, "width" : 28, "channels" : 1 }, "latentDim" : 2 },
        "data" : {
          "dataset" : "mnist",
          "poolSize" : null,
          "validationSize" : null,
          "folderOptions" : { "channels" : 1, "resize" : null }
        },
        "limit" : 5000,
        "epochs" : 6,
        "batchSize" : 64,
        "seed" : 0,
        "learningRate" : 0.001,
        "threads" : 2
      }
      """;

  @Test
  void readsTheDataRequestAndLimitOfATrainingRun() throws Exception {
    Path file = Files.writeString(dir.resolve("settings.json"), TRAINED);
    RunSettings settings = RunSettings.read(file);
    assertEquals(
        new DataRequest("mnist", null, null, new ImageFolderOptions(1, null)), settings.data());
    assertEquals(5000, settings.limit());
    assertEquals(6, settings.document().get("epochs").asInt());
    RunSettings moved = settings.withDataset("/data/mnist-copy");
    assertEquals(
        new DataRequest("/data/mnist-copy", null, null, new ImageFolderOptions(1, null)),
        moved.data());
  }

  @Test
  void readsSplitSizesAndAResizedImageFolder() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("settings.json"),
            """
        {"data": {"dataset": "cells/", "poolSize": 800, "validationSize": 100,
                  "folderOptions": {"channels": 3, "resize": {"height": 32, "width": 48, "channels": 3}}}}
        """);
    RunSettings settings = RunSettings.read(file);
    assertEquals(
        new DataRequest("cells/", 800, 100, new ImageFolderOptions(3, new ImageShape(32, 48, 3))),
        settings.data());
    assertNull(settings.limit());
  }

  @Test
  void namesTheFieldThatIsMissingOrWrong() throws Exception {
    Path file = Files.writeString(dir.resolve("settings.json"), "{\"model\": {}}");
    InputException e = assertThrows(InputException.class, () -> RunSettings.read(file));
    assertEquals(file + ": missing text field 'data.dataset'; give --data", e.getMessage());
    Files.writeString(file, "{\"data\": {\"dataset\": \"mnist\"}, \"limit\": 0}");
    e = assertThrows(InputException.class, () -> RunSettings.read(file));
    assertEquals(file + ": 'limit' must be >= 1, got 0", e.getMessage());
    Files.writeString(file, "{\"data\": {\"dataset\": \"mnist\", \"poolSize\": \"many\"}}");
    e = assertThrows(InputException.class, () -> RunSettings.read(file));
    assertEquals(file + ": 'data.poolSize' must be a whole number, got \"many\"", e.getMessage());
  }
}
