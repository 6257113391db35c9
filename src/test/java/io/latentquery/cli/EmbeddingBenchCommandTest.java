package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentquery.UsesTestData;
import io.latentquery.files.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(UsesTestData.class)
class EmbeddingBenchCommandTest {
  @TempDir Path temp;

  private CliRunner.Result bench(String... extra) {
    return benchModels("conv", extra);
  }

  private CliRunner.Result benchModels(String models, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "bench",
                "embedding",
                "--data",
                "mnist",
                "--limit",
                "200",
                "--models",
                models,
                "--epochs",
                "1",
                "--filters",
                "4",
                "--dense",
                "8",
                "--threads",
                "1",
                "--trust-subset",
                "50",
                "--work",
                temp.resolve("work").toString()));
    args.addAll(List.of(extra));
    return CliRunner.run(args.toArray(String[]::new));
  }

  @Test
  void scoresTheValidationSplitByDefaultAndTheTestSplitOnlyWhenAsked() throws Exception {
    Path out = temp.resolve("validation.json");
    CliRunner.Result result = bench("--out", out.toString());
    assertEquals(0, result.exitCode(), result.err());
    assertTrue(
        result
            .out()
            .contains(
                "pool 200, scored on the validation split (10000 examples), preset small (filters"
                    + " [4], 1 convolution(s) per level, dense [8]), L = 2, batch 64"),
        result.out());
    double accuracy = accuracy(result, "validation");
    // One epoch on 200 images gives about 21% over 10,000 held-out images; encodings matched to
    // the wrong pool labels would give chance, 10% +- 0.3%.
    assertTrue(accuracy > 15 && accuracy <= 100, "1-NN accuracy of 10 classes: " + accuracy);
    String settings = Files.readString(temp.resolve("work/mnist-conv/settings.json"));
    assertTrue(settings.contains("\"denseWidths\" : [ 8 ]"), settings);
    JsonNode record = Json.readTree(out);
    assertEquals("validation", record.get("split").asText());
    assertEquals("validation", record.get("provenance").get("settings").get("split").asText());
    assertEquals(
        accuracy, 100 * record.get("results").get(0).get("oneNnAccuracy").asDouble(), 0.005);

    // The run is reused: the same model scored once on test, a different set of images.
    CliRunner.Result test = bench("--split", "test");
    assertEquals(0, test.exitCode(), test.err());
    assertTrue(test.out().contains("scored on the test split (10000 examples)"), test.out());
    double testAccuracy = accuracy(test, "test");
    assertTrue(testAccuracy > 15 && testAccuracy <= 100, "test 1-NN accuracy: " + testAccuracy);

    CliRunner.Result exists = bench("--out", out.toString());
    assertEquals(1, exists.exitCode());
    assertTrue(exists.err().contains(out + " exists; use --force"), exists.err());

    // lq bench compare reads the files the command writes: a run against itself differs by 0,
    // and a test run is not paired with a validation run.
    Path testOut = temp.resolve("test.json");
    assertEquals(0, bench("--split", "test", "--out", testOut.toString()).exitCode());
    CliRunner.Result same =
        CliRunner.run(
            "bench", "compare", "--baseline", out.toString(), "--candidate", out.toString());
    assertEquals(0, same.exitCode(), same.err());
    assertTrue(
        same.out()
            .contains(
                String.format(
                    java.util.Locale.ROOT,
                    "| conv | 0 | %.2f%% | %.2f%% | +0.00 |",
                    accuracy,
                    accuracy)),
        same.out());
    assertTrue(
        same.out().contains("conv, 1 paired seed: 1-NN accuracy +0.00 (1 seed) points, std -"),
        same.out());
    CliRunner.Result mixed =
        CliRunner.run(
            "bench", "compare", "--baseline", out.toString(), "--candidate", testOut.toString());
    assertEquals(1, mixed.exitCode());
    assertTrue(
        mixed.err().contains("--candidate " + testOut + " scored the test split but --baseline"),
        mixed.err());
  }

  @Test
  void recordsEachModelKindsOwnArchitectureAndTheStepSizeInTheProvenance() throws Exception {
    Path out = temp.resolve("kinds.json");
    CliRunner.Result result =
        benchModels(
            "conv,tsne", "--tsne-weight", "5", "--learning-rate", "0.002", "--out", out.toString());
    assertEquals(0, result.exitCode(), result.err());
    JsonNode settings = Json.readTree(out).get("provenance").get("settings");
    JsonNode conv = settings.get("architectures").get("conv");
    JsonNode tsne = settings.get("architectures").get("tsne");
    assertEquals("conv", conv.get("kind").asText());
    assertTrue(conv.get("tsne").isNull(), conv.toString());
    assertEquals("tsne", tsne.get("kind").asText());
    assertEquals(5.0, tsne.get("tsne").get("weight").asDouble(), 0.0);
    assertEquals(0.002, settings.get("learning_rate").asDouble(), 0.0);
  }

  @Test
  void refusesASplitThatIsNeitherValidationNorTest() {
    CliRunner.Result result = bench("--split", "pool");
    assertEquals(2, result.exitCode());
    assertTrue(
        result.err().contains("--split must be validation or test, got 'pool'"), result.err());
  }

  /** The 1-NN accuracy in percent from the conv row, which names the split of its T. */
  private static double accuracy(CliRunner.Result result, String split) {
    List<String> rows = result.out().lines().filter(l -> l.startsWith("conv ")).toList();
    assertEquals(1, rows.size(), result.out());
    assertTrue(rows.get(0).endsWith("(T on 50 " + split + " examples)"), rows.get(0));
    String[] fields = rows.get(0).trim().split("\\s+");
    assertEquals("1", fields[1], "epochs in " + rows.get(0));
    return Double.parseDouble(fields[3].replace("%", ""));
  }
}
