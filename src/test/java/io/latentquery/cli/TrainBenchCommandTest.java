package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentquery.files.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainBenchCommandTest {
  @TempDir Path temp;

  private static double number(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), regex + " in:\n" + text);
    return Double.parseDouble(m.group(1));
  }

  @Test
  void printsTheTrainingRateAsAShareOfThisMachinesSgemmAndWritesIt() {
    Path out = temp.resolve("bench.json");
    CliRunner.Result run =
        CliRunner.run(
            "bench",
            "train",
            "--preset",
            "small",
            "--steps",
            "20",
            "--warmup",
            "1",
            "--threads",
            "1",
            "--batch-size",
            "64",
            // The process's CPU clock ticks every 10 ms, and each product is timed on its own
            // between the steps: 1024x1024 products (10 to 15 ms each on one thread) sum to many
            // ticks, where 512x512 ones (about 1 ms) could sum to none and leave the CPU-time
            // share unmeasured.
            "--sgemm-size",
            "1024",
            "--out",
            out.toString());
    assertEquals(0, run.exitCode(), run.err());
    String text = run.out();
    double imagesPerSecond = number(text, "training throughput: ([0-9.]+) images/s");
    double gflopsPerImage = number(text, "arithmetic: ([0-9.]+) GFLOP per trained image");
    double trainingGflops = number(text, "GFLOP per trained image .*?, ([0-9.]+) GFLOP/s");
    double sgemm = number(text, "sgemm: ([0-9.]+) GFLOP/s \\(1024x1024 float32 MatMul");
    double percent = number(text, "training runs at ([0-9]+)% of this machine's sgemm");
    // The small preset (filters 8,8, one convolution per level, dense 64, L = 2), worked out as
    // in FlopCountTest: encoder 784*9*1*8 + 196*9*8*8 + 1568*64 + 64*2 = 56,448 + 112,896
    // + 100,352 + 128 = 269,824; decoder 2*64 + 64*1568 + 196*9*8*8 + 784*8*8 + 784*9*8*8
    // + 784*9*8*1 = 128 + 100,352 + 112,896 + 50,176 + 451,584 + 56,448 = 771,584;
    // training 3 * 2 * (269,824 + 771,584) = 6,248,448 FLOPs per image.
    assertEquals(0.0062, gflopsPerImage, 1e-9);
    assertEquals(imagesPerSecond * 6_248_448 / 1e9, trainingGflops, 0.05 + 0.001 * trainingGflops);
    assertEquals(Math.round(100 * trainingGflops / sgemm), percent, 1.0);
    double cpuPercent = number(text, "sgemm \\(by CPU time: ([0-9]+)%");
    double trainingPerCpu = number(text, "by CPU time: [0-9]+%, ([0-9.]+) against");
    double sgemmPerCpu = number(text, " against ([0-9.]+) GFLOP per CPU-second");
    assertEquals(Math.round(100 * trainingPerCpu / sgemmPerCpu), cpuPercent, 1.0);
    double medianStep = number(text, "median step: ([0-9.]+) s");
    double medianStepGflops = number(text, "median step: [0-9.]+ s, ([0-9.]+) GFLOP/s");
    double medianPercent = number(text, "GFLOP/s of training, ([0-9]+)% of the median product");
    // The step is printed to the millisecond, so the rate it gives is as rough as that.
    assertEquals(
        64 * 6_248_448 / 1e9 / medianStep,
        medianStepGflops,
        0.05 + medianStepGflops * 0.0006 / medianStep);
    assertEquals(Math.round(100 * medianStepGflops / sgemm), medianPercent, 1.0);

    JsonNode json = Json.readTree(out);
    JsonNode results = json.get("results");
    assertEquals(6_248_448, results.get("training_flops_per_image").asDouble());
    assertEquals(10, results.get("sgemm_seconds").size());
    List<Double> steps = new ArrayList<>();
    results.get("step_seconds").forEach(step -> steps.add(step.asDouble()));
    assertEquals(20, steps.size());
    assertEquals(
        20 * results.get("seconds_per_step").asDouble(),
        steps.stream().mapToDouble(Double::doubleValue).sum(),
        1e-9);
    steps.sort(null);
    assertEquals(
        (steps.get(9) + steps.get(10)) / 2,
        results.get("median_seconds_per_step").asDouble(),
        1e-12);
    assertEquals(
        64
            * 6_248_448
            / 1e9
            / results.get("median_seconds_per_step").asDouble()
            / results.get("sgemm_gflops_per_second").asDouble(),
        results.get("share_of_sgemm_by_median_step").asDouble(),
        1e-9);
    assertEquals(
        results.get("training_gflops_per_second").asDouble()
            / results.get("sgemm_gflops_per_second").asDouble(),
        results.get("share_of_sgemm").asDouble(),
        1e-12);
    assertEquals(
        results.get("training_gflops_per_cpu_second").asDouble()
            / results.get("sgemm_gflops_per_cpu_second").asDouble(),
        results.get("share_of_sgemm_by_cpu_time").asDouble(),
        1e-12);
    // 20 steps of 64 images; 10 products of 2 * 1024^3 FLOPs.
    double trainingCpu = results.get("training_cpu_seconds").asDouble();
    double sgemmCpu = results.get("sgemm_cpu_seconds").asDouble();
    assertEquals(20 * 64 / results.get("images_per_cpu_second").asDouble(), trainingCpu, 1e-9);
    assertEquals(
        10 * 2 * Math.pow(1024, 3) / 1e9 / results.get("sgemm_gflops_per_cpu_second").asDouble(),
        sgemmCpu,
        1e-9);
    String rough =
        String.format(
            Locale.ROOT,
            "rough: %.3f CPU-seconds of training and %.3f of MatMul, on a CPU clock",
            trainingCpu,
            sgemmCpu);
    assertEquals(
        Math.min(trainingCpu, sgemmCpu) < 1, text.contains(rough), rough + " in:\n" + text);
    JsonNode provenance = json.get("provenance");
    assertEquals("bench train", provenance.get("command").asText());
    assertEquals(1024, provenance.get("settings").get("sgemm_size").asInt());
    assertEquals(
        results.get("share_of_sgemm").asDouble(),
        provenance.get("results").get("share_of_sgemm").asDouble());
  }

  @Test
  void theProfileSharesSumToTheWholeStepAndShowTheConvolutions() {
    Path out = temp.resolve("profile.json");
    CliRunner.Result run = smallRun(2, 2, "--out", out.toString());
    String text = run.out();
    Matcher rows =
        Pattern.compile("(?m)^ +([0-9.]+)% +([0-9.]+) +([0-9]*) +(\\S.*)$").matcher(text);
    double sum = 0;
    List<String> types = new ArrayList<>();
    while (rows.find()) {
      sum += Double.parseDouble(rows.group(1));
      types.add(rows.group(4));
    }
    double overlap = number(text, "ops running at the same time: ([0-9.]+)%");
    assertEquals(100 + overlap, sum, 1.0, text);
    assertEquals(100 + overlap, number(text, "shares sum to ([0-9.]+)%"), 0.05, text);
    assertTrue(types.contains("(outside ops: feed, fetch, scheduling)"), text);
    // Forward convolutions and both gradients, whatever grappler and oneDNN renamed them to.
    assertTrue(types.stream().anyMatch(t -> t.contains("Conv2DBackpropFilter")), text);
    assertTrue(types.stream().anyMatch(t -> t.contains("Conv2DBackpropInput")), text);
    assertTrue(types.stream().anyMatch(t -> t.matches(".*Conv2D(WithBias)?")), text);
    // The bias gradients run as their own ops, not folded into the filter gradients.
    assertTrue(types.stream().anyMatch(t -> t.contains("BiasAddGrad")), text);
    assertFalse(types.stream().anyMatch(t -> t.contains("BackpropFilterWithBias")), text);
    JsonNode profile = Json.readTree(out).get("profile");
    assertEquals(2, profile.get("traced_steps").asInt());
    double shares = profile.get("share_outside_ops").asDouble();
    for (JsonNode op : profile.get("ops")) {
      shares += op.get("share").asDouble();
    }
    assertEquals(1 + overlap / 100, shares, 0.01);
  }

  @Test
  void theSlowestNodesAreNamedByLayerAndNoneTakesLongerThanItsOpType() {
    Path out = temp.resolve("nodes.json");
    CliRunner.Result run = smallRun(1, 2, "--profile-nodes", "3", "--out", out.toString());
    String text = run.out();
    String table = text.substring(text.indexOf("slowest nodes:"));
    assertEquals(3, table.lines().filter(line -> line.matches(" +[0-9.]+% .*")).count(), text);
    JsonNode profile = Json.readTree(out).get("profile");
    assertEquals(
        3, Json.readTree(out).get("provenance").get("settings").get("profile_nodes").asInt());
    JsonNode nodes = profile.get("slowest_nodes");
    assertEquals(3, nodes.size());
    double previous = Double.MAX_VALUE;
    for (JsonNode node : nodes) {
      double ms = node.get("ms_per_step").asDouble();
      assertTrue(ms <= previous, "slowest first: " + nodes);
      previous = ms;
      assertTrue(
          table.contains(node.get("name").asText() + " (" + node.get("type").asText() + ")"));
      double typeMs = 0;
      for (JsonNode op : profile.get("ops")) {
        if (op.get("type").asText().equals(node.get("type").asText())) {
          typeMs = op.get("ms_per_step").asDouble();
        }
      }
      assertTrue(ms <= typeMs + 1e-9, node + " within its type's " + typeMs + " ms");
    }
    // The slowest node of the small preset is a convolution or its gradient in a named layer.
    assertTrue(nodes.get(0).get("name").asText().matches(".*(encoder|decoder|gradients)/.*"), text);
  }

  @Test
  void nodesWithoutATraceAreAUsageError() {
    CliRunner.Result run = CliRunner.run("bench", "train", "--profile-nodes", "5");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--profile-nodes needs --profile N with N >= 1"), run.err());
  }

  /**
   * The small preset on one thread: {@code steps} timed, {@code profiled} traced, and {@code more}.
   */
  private static CliRunner.Result smallRun(int steps, int profiled, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "bench",
                "train",
                "--preset",
                "small",
                "--steps",
                String.valueOf(steps),
                "--warmup",
                "1",
                "--threads",
                "1",
                "--sgemm-size",
                "64",
                "--profile",
                String.valueOf(profiled)));
    args.addAll(List.of(more));
    CliRunner.Result run = CliRunner.run(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    return run;
  }

  private static CliRunner.Result oneSmallStep(String... more) {
    return smallRun(1, 1, more);
  }

  /** Relu nodes per traced step, from the figures file of a profiled run. */
  private int reluNodes(Path out, String... fusionFlag) {
    List<String> more = new ArrayList<>(List.of("--out", out.toString()));
    more.addAll(List.of(fusionFlag));
    CliRunner.Result run = oneSmallStep(more.toArray(String[]::new));
    JsonNode figures = Json.readTree(out);
    assertEquals(
        fusionFlag.length == 0,
        figures.get("provenance").get("settings").get("relu_fusion").asBoolean());
    assertTrue(run.out().contains(fusionFlag.length == 0 ? ", fused ReLU" : ", unfused ReLU"));
    return nodesPerStep(figures, type -> type.equals("Relu"));
  }

  @Test
  void compareTrainReadsTheFilesThisCommandWrites() {
    Path run = temp.resolve("run.json");
    oneSmallStep("--out", run.toString());
    Path comparison = temp.resolve("comparison.json");
    CliRunner.Result compared =
        CliRunner.run(
            "bench",
            "compare-train",
            "--baseline",
            run.toString(),
            "--candidate",
            run.toString(),
            "--out",
            comparison.toString());
    assertEquals(0, compared.exitCode(), compared.err());
    // A run against itself differs by exactly 0.
    assertTrue(
        compared.out().contains("images/s, 1 pair: +0.00, std -, 95% interval -; relative +0.0%"),
        compared.out());
    assertTrue(compared.out().contains("lq bench train runs at batch 64"), compared.out());
    JsonNode result = Json.readTree(comparison).get("results").get("comparison");
    assertEquals(0, result.get("IMAGES_PER_SECOND").get("difference").get("mean").asDouble());
  }

  @Test
  void noReluFusionRunsEachConvolutionsReluAsItsOwnOp() {
    int fused = reluNodes(temp.resolve("fused.json"));
    int unfused = reluNodes(temp.resolve("unfused.json"), "--no-relu-fusion");
    // The small preset: two levels of one 3x3 convolution with a ReLU in the encoder and decoder.
    assertEquals(4, unfused - fused, "Relu nodes: " + unfused + " unfused, " + fused + " fused");
  }

  @Test
  void noTapSumRunsTheLogitsAsOneConvolution() {
    Path tapSumOut = temp.resolve("tap-sum.json");
    Path convolutionOut = temp.resolve("convolution.json");
    CliRunner.Result tapSum = oneSmallStep("--out", tapSumOut.toString());
    CliRunner.Result convolution = oneSmallStep("--no-tap-sum", "--out", convolutionOut.toString());
    assertTrue(tapSum.out().contains(", tap sums,"), tapSum.out());
    assertTrue(convolution.out().contains(", no tap sums,"), convolution.out());
    JsonNode tapSumFigures = Json.readTree(tapSumOut);
    JsonNode convolutionFigures = Json.readTree(convolutionOut);
    assertTrue(tapSumFigures.get("provenance").get("settings").get("tap_sum").asBoolean());
    assertFalse(convolutionFigures.get("provenance").get("settings").get("tap_sum").asBoolean());
    // One matrix product in the logits' forward pass and two in their gradients.
    assertEquals(matMulNodes(convolutionFigures) + 3, matMulNodes(tapSumFigures));
  }

  /** Matrix-product nodes per traced step, whatever oneDNN renamed them to. */
  private static int matMulNodes(JsonNode figures) {
    return nodesPerStep(figures, type -> type.endsWith("MatMul"));
  }

  /** Nodes per traced step of the op types {@code types} accepts, from a profiled figures file. */
  private static int nodesPerStep(JsonNode figures, java.util.function.Predicate<String> types) {
    int nodes = 0;
    for (JsonNode op : figures.get("profile").get("ops")) {
      if (types.test(op.get("type").asText())) {
        nodes += op.get("nodes").asInt();
      }
    }
    return nodes;
  }

  @Test
  void xlaWithoutTheCpuJitFlagRunsNoClusterAndSaysWhichFlagItNeeds() {
    String flags = System.getenv("TF_XLA_FLAGS");
    Assumptions.assumeTrue(flags == null || !flags.contains("--tf_xla_cpu_global_jit"));
    CliRunner.Result run = oneSmallStep("--xla");
    assertTrue(run.out().contains("XLA JIT, NHWC, fused ReLU, tap sums, 1 steps"), run.out());
    assertTrue(
        run.out()
            .contains(
                "xla: no compiled cluster ran; on the CPU, global_jit_level takes effect only when"
                    + " the JVM starts with TF_XLA_FLAGS=--tf_xla_cpu_global_jit"),
        run.out());
  }

  @Test
  void anExistingOutFileIsKeptWithoutForce() throws Exception {
    Path out = temp.resolve("bench.json");
    Files.writeString(out, "{}");
    CliRunner.Result run =
        CliRunner.run("bench", "train", "--preset", "small", "--out", out.toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("exists; use --force"), run.err());
    assertEquals("{}", Files.readString(out));
  }

  @ParameterizedTest
  @CsvSource({
    "--profile, -1, '--profile must be >= 0, got -1'",
    "--profile-nodes, -1, '--profile-nodes must be >= 0, got -1'",
    "--sgemm-size, 0, '--sgemm-size must be >= 1, got 0'",
    "--inter-op-threads, 0, '--inter-op-threads must be >= 1, got 0'"
  })
  void anOutOfRangeCountIsAUsageErrorNamingTheFlag(String flag, String value, String message) {
    CliRunner.Result run = CliRunner.run("bench", "train", flag, value);
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains(message), run.err());
  }

  @Test
  void twoInterOpThreadsAreUsedAndRecorded() {
    Path out = temp.resolve("interop.json");
    CliRunner.Result run = oneSmallStep("--inter-op-threads", "2", "--out", out.toString());
    assertTrue(run.out().contains("batch 64, 1 threads, 2 inter-op, NHWC"), run.out());
    JsonNode settings = Json.readTree(out).get("provenance").get("settings");
    assertEquals(2, settings.get("inter_op_threads").asInt());
  }
}
