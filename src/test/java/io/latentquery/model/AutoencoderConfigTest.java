package io.latentquery.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.data.ImageShape;
import io.latentquery.files.Json;
import io.latentquery.model.loss.TsneSettings;
import io.latentquery.model.loss.VariationalSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoencoderConfigTest {

  @Test
  void zeroLatentDimIsRefusedByName() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> AutoencoderConfig.builder().latentDim(0).build());
    assertEquals("latentDim must be >= 1, got 0", e.getMessage());
  }

  @Test
  void sizeThatDoesNotDivideIsRefusedWithSizeAndDivisor() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AutoencoderConfig.builder().input(new ImageShape(30, 30, 1)).build());
    assertTrue(e.getMessage().contains("30x30"), e.getMessage());
    assertTrue(e.getMessage().contains("divide by 4"), e.getMessage());
  }

  @Test
  void twoLevelsAcceptThirtyByThirty() {
    var config = AutoencoderConfig.preset("small", new ImageShape(30, 30, 1)).build();
    assertEquals(15, config.bottomHeight());
  }

  @Test
  void otherBadValuesAreNamed() {
    assertThrows(
        IllegalArgumentException.class, () -> AutoencoderConfig.builder().dropout(1).build());
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AutoencoderConfig.builder().filters(List.of()).build());
    assertTrue(e.getMessage().startsWith("filters"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AutoencoderConfig.preset("huge", new ImageShape(28, 28, 1)));
    assertTrue(e.getMessage().contains("'huge'"), e.getMessage());
  }

  @Test
  void paperPresetHasTheReportsSizes() {
    var config = AutoencoderConfig.preset("paper", new ImageShape(28, 28, 1)).build();
    assertEquals(List.of(64, 32, 32), config.filters());
    assertEquals(3, config.convolutionsPerLevel());
    assertEquals(List.of(1024, 1024), config.denseWidths());
    assertEquals(2, config.latentDim());
    assertEquals(7, config.bottomHeight());
  }

  @Test
  void jsonRoundTrip() throws Exception {
    var config =
        AutoencoderConfig.preset("small", new ImageShape(32, 32, 3))
            .latentDim(5)
            .dropout(0.25)
            .build();
    String json = Json.toJson(config);
    assertTrue(json.contains("\"kind\" : \"conv\""), json);
    assertEquals(config, Json.mapper().readValue(json, AutoencoderConfig.class));
  }

  @Test
  void kindSettingsDefaultForTheirKindsAndAreRefusedForOthers() {
    var vtsne = AutoencoderConfig.builder().kind(ModelKind.VTSNE).build();
    assertEquals(VariationalSettings.defaults(), vtsne.variational());
    assertEquals(TsneSettings.defaults(), vtsne.tsne());
    assertEquals(31, vtsne.minimumBatchSize());
    var conv = AutoencoderConfig.builder().build();
    assertEquals(null, conv.variational());
    assertEquals(null, conv.tsne());
    assertEquals(1, conv.minimumBatchSize());
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                AutoencoderConfig.builder()
                    .kind(ModelKind.TSNE)
                    .variational(new VariationalSettings(2))
                    .build());
    assertEquals(
        "beta applies only to the variational kinds (vae, vtsne), not tsne", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                AutoencoderConfig.builder()
                    .kind(ModelKind.VAE)
                    .tsne(TsneSettings.defaults())
                    .build());
    assertEquals(
        "perplexity, dof and t-SNE weight apply only to the t-SNE kinds (tsne, vtsne), not vae",
        e.getMessage());
  }

  @Test
  void minimumBatchExceedsThePerplexity() {
    assertEquals(3, new TsneSettings(1.5, 1, 0.1).minimumBatchSize());
    assertEquals(6, new TsneSettings(5, 1, 0.1).minimumBatchSize());
    assertEquals(7, new TsneSettings(5.5, 1, 0.1).minimumBatchSize());
  }

  @Test
  void kindSettingsRoundTripThroughJson() throws Exception {
    var config =
        AutoencoderConfig.preset("small", new ImageShape(28, 28, 1))
            .kind(ModelKind.VTSNE)
            .variational(new VariationalSettings(4))
            .tsne(new TsneSettings(12.5, 0.5, 0.3))
            .build();
    String json = Json.toJson(config);
    assertTrue(json.contains("\"beta\" : 4.0"), json);
    assertTrue(json.contains("\"perplexity\" : 12.5"), json);
    assertEquals(config, Json.mapper().readValue(json, AutoencoderConfig.class));
  }

  @Test
  void settingsWrittenBeforeTheKindSettingsExistedStillRead() throws Exception {
    var config = AutoencoderConfig.preset("small", new ImageShape(28, 28, 1)).build();
    String json = Json.toJson(config).replaceAll(",?\\s*\"(tsne|variational)\" : null", "");
    assertFalse(json.contains("tsne"), json);
    assertEquals(config, Json.mapper().readValue(json, AutoencoderConfig.class));
  }
}
