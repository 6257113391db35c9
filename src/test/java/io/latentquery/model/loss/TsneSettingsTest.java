package io.latentquery.model.loss;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentquery.files.Json;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TsneSettingsTest {
  private static String message(Supplier<?> action) {
    return assertThrows(IllegalArgumentException.class, action::get).getMessage();
  }

  @Test
  void defaults() {
    TsneSettings settings = TsneSettings.defaults();
    assertEquals(new TsneSettings(30, 1, 0.1), settings);
    assertEquals(30, settings.affinities().perplexity());
    assertEquals(1, settings.klLoss().degreesOfFreedom());
    assertEquals(1, settings.studentT().degreesOfFreedom());
  }

  @Test
  void refusesBadValuesNamingThem() {
    assertAll(
        () ->
            assertEquals(
                "perplexity must be > 1, got 1", message(() -> new TsneSettings(1, 1, 0.01))),
        () ->
            assertEquals(
                "perplexity must be > 1, got -30", message(() -> new TsneSettings(-30, 1, 0.01))),
        () ->
            assertEquals(
                "perplexity must be > 1, got Infinity",
                message(() -> new TsneSettings(Double.POSITIVE_INFINITY, 1, 0.01))),
        () ->
            assertEquals(
                "degrees of freedom must be > 0, got 0",
                message(() -> new TsneSettings(30, 0, 0.01))),
        () ->
            assertEquals(
                "t-SNE weight w must be >= 0, got -1", message(() -> new TsneSettings(30, 1, -1))),
        () ->
            assertEquals(
                "t-SNE weight w must be >= 0, got -0.5",
                message(() -> new TsneSettings(30, 1, -0.5))),
        () ->
            assertEquals(
                "t-SNE weight w must be >= 0, got NaN",
                message(() -> new TsneSettings(30, 1, Double.NaN))),
        () -> assertDoesNotThrow(() -> new TsneSettings(30, 1, 0)));
  }

  @Test
  void checksTheBatchSizeBeforeTraining() {
    TsneSettings settings = TsneSettings.defaults();
    assertAll(
        () -> assertDoesNotThrow(() -> settings.checkBatchSize(31)),
        () ->
            assertEquals(
                "perplexity 30 must be smaller than the batch size 30 (at most 29, the neighbours"
                    + " of each image)",
                message(
                    () -> {
                      settings.checkBatchSize(30);
                      return null;
                    })),
        () ->
            assertEquals(
                "t-SNE batch size must be >= 3, got 2",
                message(
                    () -> {
                      new TsneSettings(1.5, 1, 0).checkBatchSize(2);
                      return null;
                    })));
  }

  @Test
  void roundTripsThroughJsonWithOnlyItsThreeFields() throws Exception {
    TsneSettings settings = new TsneSettings(12.5, 1, 0.05);
    String json = Json.toJson(settings);
    JsonNode tree = Json.mapper().readTree(json);
    assertEquals(List.of("degreesOfFreedom", "perplexity", "weight"), sortedFields(tree));
    assertEquals(settings, Json.mapper().readValue(json, TsneSettings.class));
  }

  static List<String> sortedFields(JsonNode tree) {
    List<String> names = new java.util.ArrayList<>();
    tree.fieldNames().forEachRemaining(names::add);
    names.sort(null);
    return names;
  }
}
