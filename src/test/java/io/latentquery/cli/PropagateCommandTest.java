package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentquery.contract.LabelsCsv;
import io.latentquery.files.Json;
import io.latentquery.inference.Encodings;
import io.latentquery.sampling.io.LatentFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lq propagate} and the second round it feeds: {@code lq sample --labeled}. */
class PropagateCommandTest {
  @TempDir Path dir;
  Path latent;
  Path labels;

  /** Two well separated blobs of 60 points, labeled a and b in the encodings; 3 labels each. */
  @BeforeEach
  void writeInputs() throws IOException {
    SplittableRandom random = new SplittableRandom(2);
    int n = 120;
    double[] values = new double[2 * n];
    List<String> ids = new ArrayList<>();
    List<String> truth = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double centre = i < 60 ? 0 : 20;
      values[2 * i] = centre + random.nextGaussian();
      values[2 * i + 1] = random.nextGaussian();
      ids.add("img" + i);
      truth.add(i < 60 ? "a" : "b");
    }
    latent = dir.resolve("z.csv");
    LatentFile.write(latent, new Encodings(values, n, 2, ids, truth));
    labels = dir.resolve("labels.csv");
    Files.writeString(labels, "id,label\nimg0,a\nimg1,a\nimg2,a\nimg60,b\nimg61,b\nimg62,b\n");
  }

  private CliRun propagate(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "propagate",
                "--latent",
                latent.toString(),
                "--labels",
                labels.toString(),
                "--out",
                dir.resolve("pool-labels.csv").toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void everyPoolExampleGetsAClassAndAConfidenceWithTheRunRecordedBeside() throws IOException {
    CliRun run = propagate("--neighbors", "5");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("spread 6 labels to 120 pool examples"), run.out());
    Path out = dir.resolve("pool-labels.csv");
    List<String> lines = Files.readAllLines(out);
    assertEquals("id,label,confidence,labeled", lines.get(0));
    assertEquals(121, lines.size());
    assertEquals("img0,a,1.0,true", lines.get(1));
    for (int i = 0; i < 120; i++) {
      String[] row = lines.get(i + 1).split(",");
      assertEquals("img" + i, row[0]);
      assertEquals(i < 60 ? "a" : "b", row[1], "separated blobs take their blob's label");
      double confidence = Double.parseDouble(row[2]);
      assertTrue(confidence > 0.5 && confidence <= 1, "confidence " + confidence);
    }
    assertEquals(120, LabelsCsv.read(out).size(), "the output is a labels file");
    JsonNode record = Json.readTree(dir.resolve("pool-labels.json"));
    assertEquals(1.0, record.at("/agreement/accuracy").asDouble());
    assertEquals(114, record.at("/agreement/compared").asInt());
    assertEquals(5, record.at("/provenance/settings/spread/neighbors").asInt());
    assertEquals(0.99, record.at("/provenance/settings/spread/alpha").asDouble());
    assertTrue(record.at("/run/converged").asBoolean());
    assertEquals(60, record.at("/classHistogram/a").asInt());
    assertEquals(64, record.at("/inputs/labels_sha256").asText().length());

    CliRun again = propagate("--neighbors", "5");
    assertEquals(1, again.code());
    assertTrue(again.errorLine().endsWith("exists; use --force to replace it"), again.err());
  }

  @Test
  void unknownClassesAndIdsFailWithOneLineNamingTheRow() throws IOException {
    Files.writeString(labels, "id,label\nimg0,a\nimg1,c\n");
    CliRun badClass = propagate();
    assertEquals(1, badClass.code());
    assertEquals(
        "lq: " + labels + " row 2: label 'c' of id 'img1' is not a class of " + latent + " (a, b)",
        badClass.errorLine());
    Files.writeString(labels, "id,label\nimg0,a\nimg999,b\n");
    CliRun badId = propagate();
    assertEquals(1, badId.code());
    assertEquals("lq: " + labels + " row 2: id 'img999' is not in " + latent, badId.errorLine());
    assertFalse(Files.exists(dir.resolve("pool-labels.csv")));
    assertEquals(2, propagate("--alpha", "1").code());
  }

  @Test
  void theSecondRoundTakesTheLeastConfidentAndNeverALabeledExample() throws IOException {
    Path round2 = dir.resolve("round2.csv");
    CliRun run =
        CliRun.of(
            "sample",
            "--latent",
            latent.toString(),
            "--strategy",
            "least-confident",
            "--n",
            "4",
            "--labeled",
            labels.toString(),
            "--option",
            "neighbors=5",
            "--out",
            round2.toString());
    assertEquals(0, run.code(), run.err());
    List<String> lines = Files.readAllLines(round2);
    assertEquals(5, lines.size());
    List<String> labeledIds = LabelsCsv.read(labels).ids();
    for (String line : lines.subList(1, 5)) {
      assertFalse(labeledIds.contains(line.split(",")[2]), line);
    }
    JsonNode record = Json.readTree(dir.resolve("round2.json"));
    assertEquals("least-confident", record.at("/strategy").asText());
    assertEquals(6, record.at("/counts/already_labeled").asInt());

    Files.writeString(labels, "id,label\nimg0,a\nnot-here,b\n");
    CliRun unknown =
        CliRun.of(
            "sample",
            "--latent",
            latent.toString(),
            "--strategy",
            "kcenter",
            "--n",
            "4",
            "--labeled",
            labels.toString(),
            "--out",
            dir.resolve("round3.csv").toString());
    assertEquals(1, unknown.code());
    assertEquals("lq: " + labels + " row 2: id 'not-here' is not in the pool", unknown.errorLine());
  }
}
