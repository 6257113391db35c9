package io.latentquery.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.files.Checksums;
import io.latentquery.files.Json;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {
  /** A training run's provenance.json as lq train wrote it before inputs and results existed. */
  private static final String OLD_TRAIN = "train-2026-11-30.json";

  @TempDir Path dir;

  private static Path fixture(String name) {
    try {
      return Path.of(ProvenanceTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anOlderFileStillReads() {
    for (Provenance old :
        List.of(
            Provenance.read(fixture(OLD_TRAIN)), Json.read(fixture(OLD_TRAIN), Provenance.class))) {
      assertEquals("train", old.command());
      assertEquals(1, old.seed());
      assertEquals(
          "7ef4bd2b445fc23b4d819c49c709f343f22a57206c6ba65cf0505356028756a6", old.dataChecksum());
      assertEquals(10, ((Map<?, ?>) old.settings()).get("epochs"));
      assertEquals("1.1.0", old.versions().get("tensorflow"));
      assertEquals(new Provenance.Machine("unknown", 6320816128L, 2), old.machine());
      assertEquals("2026-11-30T15:33:39.978608040Z", old.createdAt());
      assertEquals(List.of(), old.inputs());
      assertEquals(Map.of(), old.results());
    }
  }

  @Test
  void inputsWithUpstreamProvenanceAndResultsRoundTrip() throws IOException {
    Path export = dir.resolve("savedmodels/run");
    Path encoder = Files.createDirectories(export.resolve("encoder"));
    Files.writeString(encoder.resolve("saved_model.pb"), "not really a graph");
    Files.copy(fixture(OLD_TRAIN), export.resolve(Provenance.FILE_NAME));

    Provenance.Input input = Provenance.Input.of("encoder", encoder);
    assertEquals(encoder.toString(), input.path());
    assertEquals(Checksums.sha256(encoder), input.sha256());
    assertEquals("train", input.upstream().command());
    assertEquals(Provenance.read(fixture(OLD_TRAIN)), input.upstream());

    Provenance written =
        Provenance.builder("sample")
            .settings(Map.of("strategy", "random", "n", 5))
            .seed(7)
            .dataChecksum("abc")
            .input(input)
            .input(new Provenance.Input("data", "mnist", "abc", null))
            .result("seconds", 1.5)
            .build();
    Path file = dir.resolve("selection-provenance.json");
    Json.write(file, written);
    Provenance read = Provenance.read(file);
    assertEquals(written, read);
    assertEquals("train", read.inputs().get(0).upstream().command());
    assertEquals(1.5, read.results().get("seconds"));
    assertTrue(written.versions().containsKey("java"));
    assertEquals(Runtime.getRuntime().availableProcessors(), written.machine().processors());
  }

  @Test
  void aFilesProvenanceIsItsNameDotJsonAndOnlyProvenanceCounts() throws IOException {
    Path latent = Files.writeString(dir.resolve("z.csv"), "id,label,z1\n0,5,0.5\n");
    assertNull(Provenance.beside(latent));
    Files.writeString(dir.resolve("z.csv.json"), "{ \"a\" : 1 }\n");
    assertNull(Provenance.beside(latent), "a JSON file that is not provenance");
    Files.writeString(dir.resolve("z.csv.json"), "{ not json");
    assertNull(Provenance.beside(latent), "an unreadable file");
    Json.write(dir.resolve("z.csv.json"), Provenance.capture("encode", Map.of(), 0, "abc"));
    assertEquals("encode", Provenance.beside(latent).command());
    assertEquals("encode", Provenance.Input.of("latent", latent).upstream().command());
  }
}
