package io.latentquery.sampling.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentquery.TestData;
import io.latentquery.contract.SelectionCsv;
import io.latentquery.data.DataRequest;
import io.latentquery.data.Dataset;
import io.latentquery.data.Split;
import io.latentquery.files.Checksums;
import io.latentquery.files.Json;
import io.latentquery.inference.EncodingModels;
import io.latentquery.inference.ReconstructionError;
import io.latentquery.inference.SignatureSpec;
import io.latentquery.inference.TinySavedModels;
import io.latentquery.provenance.Provenance;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job behind {@code lq sample}, run without the command line. The reference files were written
 * by {@code lq sample} before the job existed, from the same models, data, options and seeds (the
 * ae-error and typiclust files after ae-error's errors became bce by default, l1 by option, and
 * TypiClust's clustering changed); the job must reproduce them byte for byte.
 */
class SelectionJobTest {
  private static final int POOL = 300;

  @TempDir static Path models;
  @TempDir Path dir;

  static Path encoder;
  static Path autoencoder;

  @BeforeAll
  static void exportModels() throws IOException {
    encoder =
        TinySavedModels.linearEncoder(
            models.resolve("encoder"), 28, 28, 1, TinySavedModels.matrix(784, 2));
    autoencoder =
        TinySavedModels.scalingAutoencoder(models.resolve("autoencoder"), 28, 28, 1, 0.5f, true);
  }

  private static Path reference(String name) {
    try {
      return Path.of(SelectionJobTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static EncodingModels.Builder models() {
    return EncodingModels.builder().encoder(encoder, SignatureSpec.encoder()).threads(1);
  }

  private static PoolSettings encoded(EncodingModels.Builder models) {
    return PoolSettings.builder()
        .models(models.build())
        .data(DataRequest.of("mnist"), Split.POOL, POOL)
        .build();
  }

  private static PoolSettings.Builder fromLatentFile() {
    return PoolSettings.builder().latent(reference("pool-latent.csv"));
  }

  private static EncodedPool pool(PoolSettings settings) {
    return EncodedPool.build(settings, settings.open(TestData.catalog()), ProgressDisplay.silent());
  }

  private SelectionResult selectAndCompare(
      String reference, EncodedPool pool, SelectionSettings settings) throws IOException {
    SelectionResult result = SelectionJob.standard().run(settings, pool);
    Path csv = dir.resolve(reference);
    result.write(csv, dir.resolve(reference + ".json"));
    assertArrayEquals(
        Files.readAllBytes(reference(reference)),
        Files.readAllBytes(csv),
        reference + " differs from what lq sample wrote:\n" + Files.readString(csv));
    assertEquals(SelectionCsv.read(reference(reference)), result.rows());
    return result;
  }

  @Test
  void clusteredDrawsFromAnEncoderMatchTheReferenceByteForByte() throws IOException {
    SelectionSettings settings =
        SelectionSettings.builder()
            .strategy("normal-cluster")
            .n(20)
            .seed(7)
            .options(Map.of("clusters", "4"))
            .build();
    SelectionResult result =
        selectAndCompare("normal-cluster.csv", pool(encoded(models())), settings);
    assertEquals(20, result.selection().size());
    assertEquals(Checksums.sha256(encoder), result.record().inputs().get("encoder_sha256"));
    assertEquals(
        TestData.mnistPool(POOL).checksum(), result.record().inputs().get("data_checksum"));
    assertEquals(4, result.record().parameters().get("clusters"));
    assertEquals(
        20, result.record().classHistogram().values().stream().mapToInt(Integer::intValue).sum());
    assertTrue(result.summary().startsWith("selected 20 of 300 pool examples with normal-cluster"));
  }

  @Test
  void reconstructionErrorsComeFromTheAutoencoder() throws IOException {
    EncodedPool pool = pool(encoded(models().autoencoder(autoencoder)));
    assertTrue(pool.hasErrors());
    assertEquals(POOL, pool.errors().length);
    SelectionResult result =
        selectAndCompare(
            "ae-error.csv", pool, SelectionSettings.builder().strategy("ae-error").n(5).build());
    assertEquals(ReconstructionError.BCE, pool.errorMeasure());
    assertEquals("bce", result.record().parameters().get("error"));
    double worstChosen = pool.errors()[result.selection().indices()[4]];
    long worse = Arrays.stream(pool.errors()).filter(e -> e > worstChosen).count();
    assertEquals(4, worse);
  }

  @Test
  void theErrorOptionChoosesHowThePoolsErrorsAreMeasured() throws IOException {
    SelectionSettings settings =
        SelectionSettings.builder()
            .strategy("ae-error")
            .n(5)
            .options(Map.of("error", "l1"))
            .build();
    assertEquals(ReconstructionError.L1, settings.errorMeasure());
    EncodedPool pool = pool(encoded(models().autoencoder(autoencoder, settings.errorMeasure())));
    // The autoencoder halves every pixel, so by mean absolute error the worst are the brightest.
    double[] brightness = new double[POOL];
    Dataset data = TestData.mnistPool(POOL);
    float[] images = data.batch(0, POOL);
    int size = images.length / POOL;
    for (int i = 0; i < POOL; i++) {
      for (int k = i * size; k < (i + 1) * size; k++) {
        brightness[i] += images[k] / 2.0 / size;
      }
    }
    assertArrayEquals(brightness, pool.errors(), 1e-6);
    SelectionResult result = selectAndCompare("ae-error-l1.csv", pool, settings);
    assertEquals("l1", result.record().parameters().get("error"));

    EncodedPool bce = pool(encoded(models().autoencoder(autoencoder)));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> SelectionJob.standard().run(settings, bce));
    assertEquals(
        "the reconstruction errors were measured by bce but strategy ae-error asks for --error l1",
        e.getMessage());
  }

  @Test
  void encodingsFilesAndLabeledIdsMatchTheReferences() throws IOException {
    EncodedPool pool = pool(fromLatentFile().build());
    assertFalse(pool.hasErrors());
    assertEquals(
        Checksums.sha256(reference("pool-latent.csv")), pool.inputs().get("latent_sha256"));
    SelectionResult kcenter =
        selectAndCompare(
            "kcenter-labeled.csv",
            pool,
            SelectionSettings.builder()
                .strategy("kcenter")
                .n(15)
                .seed(3)
                .labeled(reference("labeled.txt"))
                .build());
    assertEquals(4, kcenter.record().counts().get("already_labeled"));
    for (int labeled : new int[] {3, 17, 42, 99}) {
      assertFalse(Arrays.stream(kcenter.selection().indices()).anyMatch(i -> i == labeled));
    }
    selectAndCompare(
        "uniform.csv", pool, SelectionSettings.builder().strategy("uniform").n(30).seed(1).build());
    selectAndCompare(
        "typiclust.csv",
        pool,
        SelectionSettings.builder().strategy("typiclust").n(10).seed(5).build());
  }

  @Test
  void theRecordNamesTheRunThatTrainedItsEncoder() throws IOException, URISyntaxException {
    Path export = dir.resolve("savedmodels/run");
    Path exported =
        TinySavedModels.linearEncoder(
            export.resolve("encoder"), 28, 28, 1, TinySavedModels.matrix(784, 2));
    Path trainRun = Path.of(Provenance.class.getResource("train-2026-11-30.json").toURI());
    Files.copy(trainRun, export.resolve(Provenance.FILE_NAME));
    PoolSettings settings =
        PoolSettings.builder()
            .models(
                EncodingModels.builder()
                    .encoder(exported, SignatureSpec.encoder())
                    .threads(1)
                    .build())
            .data(DataRequest.of("mnist"), Split.POOL, 50)
            .build();
    SelectionResult result =
        SelectionJob.standard()
            .run(
                SelectionSettings.builder()
                    .strategy("random")
                    .n(5)
                    .seed(2)
                    .labeled(reference("labeled.txt"))
                    .build(),
                pool(settings));
    Path json = dir.resolve("selection.json");
    result.write(dir.resolve("selection.csv"), json);

    JsonNode provenance = Json.readTree(json).get("provenance");
    assertEquals("sample", provenance.get("command").asText());
    assertEquals("random", provenance.get("settings").get("strategy").asText());
    assertFalse(provenance.get("settings").has("labeled"), "the labeled file is an input");
    JsonNode encoderInput = provenance.get("inputs").get(0);
    assertEquals("encoder", encoderInput.get("role").asText());
    assertEquals(Checksums.sha256(exported), encoderInput.get("sha256").asText());
    assertEquals(
        Provenance.read(trainRun),
        Json.mapper().treeToValue(encoderInput.get("upstream"), Provenance.class));
    assertEquals("data", provenance.get("inputs").get(1).get("role").asText());
    assertEquals(
        TestData.mnistPool(50).checksum(), provenance.get("inputs").get(1).get("sha256").asText());
    assertEquals("labeled", provenance.get("inputs").get(2).get("role").asText());
    assertTrue(provenance.get("inputs").get(2).get("upstream").isNull());
  }

  @Test
  void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() {
    EncodedPool pool = pool(fromLatentFile().build());
    SelectionSettings.Builder settings = SelectionSettings.builder().strategy("normal").n(15);
    SelectionJob job = SelectionJob.standard();
    assertEquals(
        job.run(settings.seed(3).build(), pool).rows(),
        job.run(settings.seed(3).build(), pool).rows());
    assertFalse(
        job.run(settings.seed(3).build(), pool)
            .rows()
            .equals(job.run(settings.seed(4).build(), pool).rows()));
  }

  @Test
  void impossibleSettingsNameTheFlag() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SelectionSettings.builder().strategy("random").n(0).build());
    assertEquals("--n must be >= 1, got 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> PoolSettings.builder().build());
    assertEquals("give either --encoder (with --data) or --latent", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PoolSettings.builder().models(models().build()).build());
    assertEquals("--encoder needs --data", e.getMessage());
    EncodedPool withoutErrors = pool(fromLatentFile().build());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SelectionJob.standard()
                    .run(
                        SelectionSettings.builder().strategy("ae-error").n(5).build(),
                        withoutErrors));
    assertEquals("strategy ae-error needs --autoencoder", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SelectionJob.standard()
                    .check(
                        SelectionSettings.builder()
                            .strategy("random")
                            .n(5)
                            .options(Map.of("quota", "equal"))
                            .build(),
                        false));
    assertEquals("--quota does not apply to strategy random", e.getMessage());
  }

  @Test
  void aLabelsFileGivesLeastConfidentItsClassesAndAnIdListOnlyExcludes() throws IOException {
    EncodedPool pool = pool(fromLatentFile().build());
    List<String> rows = Files.readAllLines(reference("pool-latent.csv")).subList(1, 21);
    Path labels = dir.resolve("labels.csv");
    Files.write(
        labels,
        Stream.concat(
                Stream.of("id,label"),
                rows.stream().map(r -> r.split(",")[0] + "," + r.split(",")[1]))
            .toList());
    Path ids = dir.resolve("ids.txt");
    Files.write(ids, rows.stream().map(r -> r.split(",")[0]).toList());
    SelectionSettings.Builder next =
        SelectionSettings.builder().strategy("least-confident").n(10).seed(1);

    SelectionResult spread = SelectionJob.standard().run(next.labeled(labels).build(), pool);
    assertEquals(20, spread.selection().parameters().get("labeled"));
    assertEquals(20, spread.record().counts().get("already_labeled"));
    assertEquals(10, spread.selection().size());
    for (int index : spread.selection().indices()) {
      assertTrue(index >= 20, "least-confident took labeled point " + index);
    }

    IllegalArgumentException withoutClasses =
        assertThrows(
            IllegalArgumentException.class,
            () -> SelectionJob.standard().run(next.labeled(ids).build(), pool));
    assertEquals(
        "least-confident needs the labels of the first round: --labeled FILE with id,label",
        withoutClasses.getMessage());
    SelectionResult excluded =
        SelectionJob.standard()
            .run(SelectionSettings.builder().strategy("kmeans").n(10).labeled(ids).build(), pool);
    assertEquals(20, excluded.record().counts().get("already_labeled"));
    for (int index : excluded.selection().indices()) {
      assertTrue(index >= 20, "kmeans took labeled point " + index);
    }

    IllegalArgumentException noFile =
        assertThrows(
            IllegalArgumentException.class,
            () -> SelectionJob.standard().check(next.labeled(null).build(), false));
    assertEquals(
        "strategy least-confident needs --labeled FILE with id,label", noFile.getMessage());
    Files.writeString(labels, "id,label\n0,5\nnot-in-pool,3\n");
    RuntimeException unknown =
        assertThrows(
            RuntimeException.class,
            () -> SelectionJob.standard().run(next.labeled(labels).build(), pool));
    assertEquals(labels + " row 2: id 'not-in-pool' is not in the pool", unknown.getMessage());
  }
}
