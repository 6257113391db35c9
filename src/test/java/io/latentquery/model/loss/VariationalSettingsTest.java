package io.latentquery.model.loss;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.latentquery.files.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class VariationalSettingsTest {
  @Test
  void defaultIsTheElbo() {
    assertEquals(1, VariationalSettings.defaults().beta());
  }

  @Test
  void klWeightDividesBetaByTheValuesPerImage() {
    // Mean BCE = summed BCE / 784 for 28x28x1, so the KL joins it divided by 784 as well.
    assertEquals(1.0 / 784, VariationalSettings.defaults().klWeight(784), 0);
    assertEquals(4.0 / 3072, new VariationalSettings(4).klWeight(32 * 32 * 3), 0);
  }

  @Test
  void refusesBadValuesNamingThem() {
    assertAll(
        () ->
            assertEquals(
                "beta must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> new VariationalSettings(-1))
                    .getMessage()),
        () ->
            assertEquals(
                "beta must be >= 0, got NaN",
                assertThrows(
                        IllegalArgumentException.class, () -> new VariationalSettings(Double.NaN))
                    .getMessage()),
        () ->
            assertEquals(
                "values per image must be >= 1, got 0",
                assertThrows(
                        IllegalArgumentException.class,
                        () -> VariationalSettings.defaults().klWeight(0))
                    .getMessage()),
        () -> assertEquals(0, new VariationalSettings(0).klWeight(784)));
  }

  @Test
  void roundTripsThroughJson() throws Exception {
    VariationalSettings settings = new VariationalSettings(2.5);
    String json = Json.toJson(settings);
    assertEquals(List.of("beta"), TsneSettingsTest.sortedFields(Json.mapper().readTree(json)));
    assertEquals(settings, Json.mapper().readValue(json, VariationalSettings.class));
  }
}
