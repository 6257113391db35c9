package io.latentquery.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentquery.InputException;
import io.latentquery.eval.PairedDifference;
import io.latentquery.files.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Two sets of {@code lq bench train} runs, a baseline and a candidate, paired in the order given:
 * the i-th candidate was run next to the i-th baseline, so the pair shares whatever else the
 * machine was doing, and the per-pair differences carry less noise than the two means. Every run
 * must have trained the same architecture on the same data at the same batch size; what differs
 * between the sides (a setting such as {@code --no-relu-fusion}) is what is compared.
 */
public final class TrainingComparison {
  private TrainingComparison() {}

  /** What is compared, read from each run's {@code results}. */
  public enum Measure {
    IMAGES_PER_SECOND("images/s", 1, Run::imagesPerSecond),
    IMAGES_PER_CPU_SECOND("images per CPU-second", 1, Run::imagesPerCpuSecond),
    SHARE_OF_SGEMM("% of sgemm, wall", 100, Run::shareOfSgemm),
    SHARE_OF_SGEMM_BY_CPU_TIME("% of sgemm, CPU time", 100, Run::shareOfSgemmByCpuTime),
    /** Recorded from a04c6c8 on; a comparison leaves it out where any run lacks it. */
    SHARE_OF_SGEMM_BY_MEDIAN_STEP("% of sgemm, median step", 100, Run::shareOfSgemmByMedianStep);

    private final String label;
    private final double scale;
    private final ToDoubleFunction<Run> value;

    Measure(String label, double scale, ToDoubleFunction<Run> value) {
      this.label = label;
      this.scale = scale;
      this.value = value;
    }

    public String label() {
      return label;
    }

    /** The run's figure in the unit of {@link #label()} (shares in percent). */
    public double of(Run run) {
      return scale * value.applyAsDouble(run);
    }
  }

  /**
   * One {@code lq bench train --out} file.
   *
   * @param file where it was read from
   * @param batchSize images per step
   * @param architecture the model's architecture, as recorded
   * @param data what it trained on
   * @param commit the git commit of the build that measured it, with {@code -dirty} when the tree
   *     was
   */
  public record Run(
      Path file,
      int batchSize,
      JsonNode architecture,
      String data,
      String commit,
      double imagesPerSecond,
      double imagesPerCpuSecond,
      double shareOfSgemm,
      double shareOfSgemmByCpuTime,
      double shareOfSgemmByMedianStep) {}

  /**
   * One measure's paired comparison.
   *
   * @param difference candidate minus baseline, in the measure's unit
   * @param relativePercent the mean over pairs of 100 (candidate / baseline - 1)
   */
  public record MeasureComparison(PairedDifference difference, double relativePercent) {}

  /**
   * The whole comparison.
   *
   * @param batchSize the batch size of every run
   * @param baseline the baseline runs, in pair order
   * @param candidate the candidate runs, in pair order
   * @param measures candidate minus baseline for each measure that every run recorded
   * @param baselineCommits the builds that measured the baseline
   * @param candidateCommits the builds that measured the candidate
   */
  public record Result(
      int batchSize,
      List<Run> baseline,
      List<Run> candidate,
      Map<Measure, MeasureComparison> measures,
      Set<String> baselineCommits,
      Set<String> candidateCommits) {}

  /** Reads one {@code lq bench train --out} file; {@code flag} names it in messages. */
  public static Run read(Path file, String flag) {
    JsonNode root = Json.readTree(file);
    JsonNode provenance = root.path("provenance");
    JsonNode settings = provenance.path("settings");
    JsonNode results = root.path("results");
    if (!provenance.path("command").asText("").equals("bench train")
        || !results.path("images_per_second").isNumber()) {
      throw new InputException(flag + " " + file + " is not an lq bench train --out file");
    }
    return new Run(
        file,
        settings.path("batch_size").asInt(-1),
        settings.path("architecture"),
        settings.path("data").asText(""),
        RecordedCommit.of(provenance),
        results.path("images_per_second").asDouble(Double.NaN),
        results.path("images_per_cpu_second").asDouble(Double.NaN),
        results.path("share_of_sgemm").asDouble(Double.NaN),
        results.path("share_of_sgemm_by_cpu_time").asDouble(Double.NaN),
        results.path("share_of_sgemm_by_median_step").asDouble(Double.NaN));
  }

  /**
   * Pairs the i-th {@code candidate} with the i-th {@code baseline} and summarises each measure.
   */
  public static Result compare(List<Run> baseline, List<Run> candidate) {
    if (baseline.isEmpty() || baseline.size() != candidate.size()) {
      throw new InputException(
          "give as many --candidate files as --baseline files, at least one, in pair order; got "
              + baseline.size()
              + " and "
              + candidate.size());
    }
    Run first = baseline.get(0);
    baseline.forEach(run -> checkComparable(run, "--baseline", first));
    candidate.forEach(run -> checkComparable(run, "--candidate", first));
    Map<Measure, MeasureComparison> measures = new LinkedHashMap<>();
    for (Measure measure : Measure.values()) {
      if (!recordedByAll(measure, baseline) || !recordedByAll(measure, candidate)) {
        continue;
      }
      List<Double> differences = new ArrayList<>();
      double relative = 0;
      for (int i = 0; i < baseline.size(); i++) {
        double b = measure.of(baseline.get(i));
        double c = measure.of(candidate.get(i));
        differences.add(c - b);
        relative += 100 * (c / b - 1);
      }
      measures.put(
          measure,
          new MeasureComparison(PairedDifference.of(differences), relative / baseline.size()));
    }
    return new Result(
        first.batchSize(),
        List.copyOf(baseline),
        List.copyOf(candidate),
        measures,
        RecordedCommit.of(baseline, Run::commit),
        RecordedCommit.of(candidate, Run::commit));
  }

  private static boolean recordedByAll(Measure measure, List<Run> runs) {
    return runs.stream().allMatch(run -> !Double.isNaN(measure.of(run)));
  }

  private static void checkComparable(Run run, String flag, Run first) {
    String differs =
        run.batchSize() != first.batchSize()
            ? "batch size " + run.batchSize() + " against " + first.batchSize()
            : !run.architecture().equals(first.architecture())
                ? "another architecture"
                : !run.data().equals(first.data())
                    ? "data '" + run.data() + "' against '" + first.data() + "'"
                    : null;
    if (differs != null) {
      throw new InputException(
          flag
              + " "
              + run.file()
              + " trained "
              + differs
              + " in --baseline "
              + first.file()
              + "; compare runs of one model, data and batch size");
    }
  }
}
