package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentquery.TestData;
import io.latentquery.UsesTestData;
import io.latentquery.data.Dataset;
import io.latentquery.eval.Recipe;
import io.latentquery.export.TinyConvExport;
import io.latentquery.files.Json;
import io.latentquery.inference.Encodings;
import io.latentquery.sampling.io.LatentFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code lq evaluate --recipe}: what each recipe reads and refuses. */
@ExtendWith(UsesTestData.class)
class EvaluateRecipesTest {
  private static final int POOL = 200;

  @TempDir static Path models;
  static Path encoder;

  @TempDir Path dir;
  Path latent;

  @BeforeAll
  static void exportEncoder() throws IOException {
    encoder = TinyConvExport.encoder(models);
  }

  /**
   * Encodings of the first 200 pool images as a good encoder would place them: one cluster per
   * class (a stand-in, so that the test needs no trained model).
   */
  @BeforeEach
  void writeEncodings() {
    Dataset pool = TestData.mnistPool(POOL);
    SplittableRandom random = new SplittableRandom(1);
    double[] values = new double[POOL * 2];
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < POOL; i++) {
      double angle = 2 * Math.PI * pool.label(i) / 10;
      values[2 * i] = 10 * Math.cos(angle) + random.nextGaussian();
      values[2 * i + 1] = 10 * Math.sin(angle) + random.nextGaussian();
      ids.add(pool.id(i));
    }
    latent = dir.resolve("z.csv");
    LatentFile.write(latent, new Encodings(values, POOL, 2, ids, null));
  }

  private CliRun evaluate(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "evaluate",
                "--data",
                "mnist",
                "--limit",
                Integer.toString(POOL),
                "--steps",
                "3",
                "--test-limit",
                "50",
                "--threads",
                "1"));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void propagateTrainsOnEveryOtherPoolImageAndRecordsIt() {
    Path out = dir.resolve("propagate.json");
    CliRun run =
        evaluate(
            "--random",
            "20",
            "--recipe",
            "propagate+augment",
            "--latent",
            latent.toString(),
            "--out",
            out.toString());
    assertEquals(0, run.code(), run.err());
    JsonNode recipe = Json.readTree(out).at("/provenance/settings/recipe");
    assertEquals("propagate+augment", recipe.get("name").asText());
    assertEquals(180, recipe.at("/propagation/pseudo_labeled").asInt());
    assertTrue(recipe.at("/propagation/converged").asBoolean());
    assertEquals(2.0, recipe.at("/augmentation/maxShift").asDouble());
    assertEquals(20, Json.readTree(out).at("/result/budget").asInt());
  }

  @Test
  void transferStartsFromTheEncoderAndRecordsIt() {
    Path out = dir.resolve("transfer.json");
    CliRun run =
        evaluate(
            "--random",
            "20",
            "--recipe",
            "transfer+augment",
            "--encoder",
            encoder.toString(),
            "--out",
            out.toString());
    assertEquals(0, run.code(), run.err());
    JsonNode recipe = Json.readTree(out).at("/provenance/settings/recipe");
    assertEquals("transfer+augment", recipe.get("name").asText());
    assertEquals("[4,6]", recipe.at("/transfer/architecture/filters").toString());
    assertEquals(4, recipe.at("/transfer/convolutions").size());
    assertEquals(64, recipe.at("/transfer/encoder_sha256").asText().length());
  }

  @Test
  void everyRecipeRefusesUnknownIdsAndClassesWithOneLine() throws Exception {
    Path labels = dir.resolve("labels.csv");
    for (String recipe : Recipe.KNOWN) {
      List<String> args =
          new ArrayList<>(List.of("--labels", labels.toString(), "--recipe", recipe));
      if (Recipe.parse(recipe).propagate()) {
        args.addAll(List.of("--latent", latent.toString()));
      }
      if (Recipe.parse(recipe).transfer()) {
        args.addAll(List.of("--encoder", encoder.toString()));
      }
      Files.writeString(labels, "id,label\n0,5\n1,five\n");
      CliRun badClass = evaluate(args.toArray(String[]::new));
      assertEquals(1, badClass.code(), recipe);
      assertEquals(
          "lq: "
              + labels
              + " row 2: label 'five' of id '1' is not a class of mnist/pool[:200]"
              + " (0, 1, 2, 3, 4, 5, 6, 7, 8, 9)",
          badClass.errorLine(),
          recipe);
      Files.writeString(labels, "id,label\n0,5\n4000,3\n");
      CliRun badId = evaluate(args.toArray(String[]::new));
      assertEquals(1, badId.code(), recipe);
      assertEquals(
          "lq: " + labels + " row 2: id '4000' is not in mnist/pool[:200]",
          badId.errorLine(),
          recipe);
    }
  }

  @Test
  void recipesCheckTheirInputsBeforeReadingData() throws Exception {
    assertEquals(2, evaluate("--random", "5", "--recipe", "propagate").code());
    assertEquals(2, evaluate("--random", "5", "--latent", latent.toString()).code());
    assertEquals(2, evaluate("--random", "5", "--recipe", "transfer").code());
    assertEquals(2, evaluate("--random", "5", "--encoder", encoder.toString()).code());
    CliRun unknown = evaluate("--random", "5", "--recipe", "transfer+magic");
    assertEquals(2, unknown.code());
    assertTrue(unknown.errorLine().contains("unknown recipe 'transfer+magic'"), unknown.err());
    assertEquals(2, evaluate("--random", "5", "--recipe", "augment+augment").code());
    List<String> lines = new ArrayList<>(Files.readAllLines(latent));
    String first = lines.get(1);
    lines.set(1, lines.get(2));
    lines.set(2, first);
    Path swapped = dir.resolve("swapped.csv");
    Files.write(swapped, lines);
    CliRun otherOrder =
        evaluate("--random", "5", "--recipe", "propagate", "--latent", swapped.toString());
    assertEquals(1, otherOrder.code());
    assertEquals(
        "lq: "
            + swapped
            + " row 1 is '1' but pool example 0 is '0';"
            + " encode the same --data, --pool-size and --limit",
        otherOrder.errorLine());
    Files.write(swapped, lines.subList(0, 101));
    CliRun fewer =
        evaluate("--random", "5", "--recipe", "propagate", "--latent", swapped.toString());
    assertEquals(1, fewer.code());
    assertTrue(fewer.errorLine().contains("holds 100 encodings but the pool"), fewer.err());
  }
}
