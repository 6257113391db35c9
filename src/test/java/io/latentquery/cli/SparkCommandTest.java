package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentquery.files.Json;
import io.latentquery.inference.Encodings;
import io.latentquery.sampling.io.LatentFile;
import io.latentquery.spark.SparkClasses;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lq spark select from the command line, against lq sample; and lq without Spark. */
class SparkCommandTest {
  @org.junit.jupiter.api.AfterAll
  static void stopSpark() {
    io.latentquery.spark.SparkTestTables.stopSpark();
  }

  @TempDir Path dir;

  /** 300 encodings in R^2 as lq sample reads them (CSV) and as lq spark select reads them. */
  private void writePool() throws IOException {
    SplittableRandom rng = new SplittableRandom(2);
    int count = 300;
    double[] values = new double[count * 2];
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      values[i] = rng.nextGaussian();
    }
    for (int i = 0; i < count; i++) {
      ids.add("x" + i);
    }
    Encodings encodings = new Encodings(values, count, 2, ids, null);
    LatentFile.write(dir.resolve("pool.csv"), encodings);
    StringBuilder json = new StringBuilder();
    for (int i = 0; i < count; i++) {
      json.append(
          String.format(
              "{\"index\":%d,\"id\":\"x%d\",\"z\":[%s,%s]}%n",
              i, i, Double.toString(values[2 * i]), Double.toString(values[2 * i + 1])));
    }
    Files.writeString(dir.resolve("pool.jsonl"), json);
    io.latentquery.spark.SparkTestTables.jsonToParquet(
        dir.resolve("pool.jsonl"), dir.resolve("pool.parquet"));
  }

  @Test
  void sparkSelectWritesWhatLqSampleWrites() throws IOException {
    writePool();
    for (String strategy : List.of("random", "uniform")) {
      Path local = dir.resolve(strategy + "-local.csv");
      Path spark = dir.resolve(strategy + "-spark.csv");
      CliRun sample =
          CliRun.of(
              "sample",
              "--latent",
              dir.resolve("pool.csv").toString(),
              "--strategy",
              strategy,
              "--n",
              "25",
              "--seed",
              "4",
              "--out",
              local.toString());
      assertEquals(0, sample.code(), sample.err());
      CliRun run =
          CliRun.of(
              "spark",
              "select",
              "--master",
              "local[2]",
              "--encodings",
              dir.resolve("pool.parquet").toString(),
              "--strategy",
              strategy,
              "--n",
              "25",
              "--seed",
              "4",
              "--out",
              spark.toString());
      assertEquals(0, run.code(), run.err());
      assertTrue(run.out().startsWith("selected 25 of 300 pool examples with " + strategy));
      assertEquals(Files.readString(local), Files.readString(spark));
      JsonNode record = Json.readTree(dir.resolve(strategy + "-spark.json"));
      assertEquals("spark select", record.get("provenance").get("command").asText());
      assertEquals(4, record.get("seed").asLong());
    }
    CliRun again =
        CliRun.of(
            "spark",
            "select",
            "--encodings",
            dir.resolve("pool.parquet").toString(),
            "--n",
            "25",
            "--out",
            dir.resolve("random-spark.csv").toString());
    assertEquals(1, again.code());
    assertTrue(again.errorLine().contains("exists; use --force"), again.err());
  }

  @Test
  void theClusteredStrategiesTakeLqSamplesOptions() throws IOException {
    writePool();
    Path local = dir.resolve("local.csv");
    Path spark = dir.resolve("spark.csv");
    List<String> options =
        List.of(
            "--strategy",
            "uniform-cluster",
            "--clusters",
            "4",
            "--ward",
            "exact",
            "--quota",
            "equal",
            "--n",
            "24",
            "--seed",
            "9");
    List<String> sample = new ArrayList<>(List.of("sample", "--latent"));
    sample.add(dir.resolve("pool.csv").toString());
    sample.addAll(options);
    sample.addAll(List.of("--out", local.toString()));
    CliRun expected = CliRun.of(sample.toArray(String[]::new));
    assertEquals(0, expected.code(), expected.err());
    List<String> select =
        new ArrayList<>(List.of("spark", "select", "--master", "local[2]", "--encodings"));
    select.add(dir.resolve("pool.parquet").toString());
    select.addAll(options);
    select.addAll(List.of("--out", spark.toString()));
    CliRun run = CliRun.of(select.toArray(String[]::new));
    assertEquals(0, run.code(), run.err());
    assertEquals(Files.readString(local), Files.readString(spark));
    JsonNode parameters = Json.readTree(dir.resolve("spark.json")).get("parameters");
    assertEquals("exact", parameters.get("ward").asText());
    assertEquals("[6,6,6,6]", parameters.get("cluster_quotas").toString());
    CliRun bad =
        CliRun.of(
            "spark",
            "select",
            "--encodings",
            "pool.parquet",
            "--strategy",
            "normal-cluster",
            "--clusters",
            "10",
            "--ward-centroids",
            "5",
            "--n",
            "5",
            "--out",
            dir.resolve("bad.csv").toString());
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("--ward-centroids must be >= --clusters (10), got 5"), bad.err());
    assertTrue(Files.notExists(dir.resolve("bad.csv")));
  }

  @Test
  void aStrategyThatDoesNotRunOnSparkIsAUsageError() {
    CliRun run =
        CliRun.of(
            "spark",
            "select",
            "--encodings",
            "pool.parquet",
            "--strategy",
            "kcenter",
            "--n",
            "5",
            "--out",
            dir.resolve("s.csv").toString());
    assertEquals(2, run.code());
    assertTrue(run.err().contains("strategy kcenter does not run on Spark"), run.err());
  }

  @Test
  void labeledAndStrategyOptionsPassAsInLqSample() throws IOException {
    writePool();
    Path labeled = dir.resolve("labeled.txt");
    Files.writeString(labeled, "x0\nx1\nx2\nx7\nnot-in-pool\n");
    Path local = dir.resolve("local.csv");
    Path spark = dir.resolve("spark.csv");
    List<String> options =
        List.of(
            "--strategy", "random", "--n", "20", "--seed", "3", "--labeled", labeled.toString());
    List<String> sample = new ArrayList<>(List.of("sample", "--latent"));
    sample.add(dir.resolve("pool.csv").toString());
    sample.addAll(options);
    sample.addAll(List.of("--out", local.toString()));
    CliRun expected = CliRun.of(sample.toArray(String[]::new));
    assertEquals(0, expected.code(), expected.err());
    List<String> select =
        new ArrayList<>(List.of("spark", "select", "--master", "local[2]", "--encodings"));
    select.add(dir.resolve("pool.parquet").toString());
    select.addAll(options);
    select.addAll(List.of("--out", spark.toString()));
    CliRun run = CliRun.of(select.toArray(String[]::new));
    assertEquals(0, run.code(), run.err());
    assertEquals(Files.readString(local), Files.readString(spark));
    JsonNode counts = Json.readTree(dir.resolve("spark.json")).get("counts");
    assertEquals(4, counts.get("already_labeled").asInt());
    assertEquals(1, counts.get("labeled_not_in_pool").asInt());
    CliRun typiclust =
        CliRun.of(
            "spark",
            "select",
            "--master",
            "local[2]",
            "--encodings",
            dir.resolve("pool.parquet").toString(),
            "--strategy",
            "typiclust",
            "--option",
            "typiclust-max-clusters=3",
            "--n",
            "6",
            "--out",
            dir.resolve("typiclust.csv").toString());
    assertEquals(0, typiclust.code(), typiclust.err());
    JsonNode parameters = Json.readTree(dir.resolve("typiclust.json")).get("parameters");
    assertEquals(3, parameters.get("clusters").asInt());
    assertEquals(3, parameters.get("max_clusters").asInt());
    CliRun repeated =
        CliRun.of(
            "spark",
            "select",
            "--encodings",
            "pool.parquet",
            "--strategy",
            "uniform",
            "--threshold",
            "1",
            "--option",
            "threshold=2",
            "--n",
            "5",
            "--out",
            dir.resolve("r.csv").toString());
    assertEquals(2, repeated.code());
    assertTrue(repeated.err().contains("--option threshold repeats --threshold"), repeated.err());
  }

  @Test
  void withoutSparkOnTheClassPathTheCommandSaysHowToGetIt() throws Exception {
    assertEquals(
        SparkClasses.MISSING,
        SparkClasses.missing(new java.net.URLClassLoader(new java.net.URL[0], null)).orElseThrow());
    String classPath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !entry.contains("/org/apache/spark/"))
            .collect(Collectors.joining(File.pathSeparator));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                classPath,
                "io.latentquery.cli.Main",
                "spark",
                "select",
                "--encodings",
                "pool.parquet",
                "--n",
                "3",
                "--out",
                dir.resolve("s.csv").toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(1, process.exitValue(), err);
    assertEquals("lq: " + SparkClasses.MISSING, err.strip());
  }
}
