package io.latentquery.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.latentquery.InputException;
import io.latentquery.data.DataRequest;
import io.latentquery.data.ImageShape;
import io.latentquery.files.Json;
import io.latentquery.model.AutoencoderConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainSettingsTest {
  @TempDir Path temp;

  private static TrainSettings.Builder settings() {
    return TrainSettings.builder(
            AutoencoderConfig.preset("small", new ImageShape(28, 28, 1)).build(),
            DataRequest.of("mnist"))
        .epochs(90)
        .learningRate(3e-3);
  }

  @Test
  void stepScheduleHoldsEachRateUntilTheNextChange() {
    TrainSettings schedule = settings().learningRateFrom(Map.of(71, 3e-4, 41, 1e-3)).build();
    assertEquals(3e-3, schedule.learningRate(1));
    assertEquals(3e-3, schedule.learningRate(40));
    assertEquals(1e-3, schedule.learningRate(41));
    assertEquals(1e-3, schedule.learningRate(70));
    assertEquals(3e-4, schedule.learningRate(71));
    assertEquals(3e-4, schedule.learningRate(500));
    assertEquals(3e-3, settings().build().learningRate(90), "no changes: constant");
  }

  @Test
  void impossibleChangesNameTheEpoch() {
    var first =
        assertThrows(
            IllegalArgumentException.class,
            () -> settings().learningRateFrom(Map.of(1, 1e-4)).build());
    assertTrue(first.getMessage().contains("epoch 2 or later"), first.getMessage());
    var negative =
        assertThrows(
            IllegalArgumentException.class,
            () -> settings().learningRateFrom(Map.of(5, -1e-4)).build());
    assertEquals(
        "the learning rate from epoch 5 must be a positive number, got -1.0E-4",
        negative.getMessage());
  }

  @Test
  void resumingMayChangeOnlyTheRatesOfEpochsNotYetTrained() {
    TrainSettings constant = settings().build();
    TrainSettings decayAt31 = settings().learningRateFrom(Map.of(31, 3e-4)).build();
    assertTrue(constant.sameRunAs(decayAt31, 30));
    assertFalse(constant.sameRunAs(decayAt31, 31), "epoch 31 was trained at 3e-3");
    assertTrue(constant.sameRunAs(settings().epochs(200).threads(7).build(), 90));
    assertFalse(constant.sameRunAs(settings().seed(1).build(), 0));
    assertFalse(constant.sameRunAs(settings().learningRate(1e-3).build(), 1));
  }

  @Test
  void resumingChangesOnlyTheRunLengthAndLaysRateChangesOverTheStoredSchedule() {
    TrainSettings stored = settings().threads(4).learningRateFrom(Map.of(41, 1e-3)).build();
    TrainSettings resumed = stored.resumedWith(120, null, Map.of(91, 1e-4, 41, 5e-4));
    assertEquals(120, resumed.epochs());
    assertEquals(4, resumed.threads(), "threads kept when not given");
    assertEquals(Map.of(41, 5e-4, 91, 1e-4), resumed.learningRateFrom());
    assertEquals(stored.seed(), resumed.seed());
    assertEquals(stored.model(), resumed.model());
    assertEquals(stored, stored.resumedWith(null, null, Map.of()), "nothing given: the stored run");
    assertEquals(2, stored.resumedWith(null, 2, Map.of()).threads());
  }

  @Test
  void resumingOnOtherDataIsRefused() {
    TrainSettings stored = settings().build();
    stored.checkResumeData(DataRequest.of("mnist"));
    var e =
        assertThrows(
            InputException.class, () -> stored.checkResumeData(DataRequest.of("fashion-mnist")));
    assertTrue(e.getMessage().contains("pass the same data options"), e.getMessage());
  }

  @Test
  void scheduleSurvivesSettingsJsonAndOlderFilesReadAsConstant() throws Exception {
    TrainSettings schedule = settings().learningRateFrom(Map.of(71, 3e-4)).build();
    Path file = temp.resolve("settings.json");
    Json.write(file, schedule);
    assertTrue(Files.readString(file).contains("\"71\" : 3.0E-4"), Files.readString(file));
    assertEquals(schedule, Json.read(file, TrainSettings.class));

    ObjectNode older = (ObjectNode) Json.readTree(file);
    older.remove("learningRateFrom");
    Files.writeString(file, Json.toJson(older));
    TrainSettings read = Json.read(file, TrainSettings.class);
    assertEquals(settings().build(), read);
    assertEquals(3e-3, read.learningRate(80));
  }
}
