package io.latentquery.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentquery.InputException;
import io.latentquery.eval.PairedDifference;
import io.latentquery.files.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Two sets of {@code lq bench embedding} runs, a baseline and a candidate, compared per model kind
 * and paired by training seed: the same seed gives both runs the same initialisation, batch order
 * and trustworthiness subset, so the per-seed differences carry less noise than the two means.
 * Settings are chosen this way on the validation split; runs that scored different splits or
 * different data, or measured T(k) with different k, are refused.
 */
public final class EmbeddingComparison {
  private EmbeddingComparison() {}

  /** The figures of one model kind in one run. */
  public record Figures(double oneNnAccuracy, double trustworthiness) {}

  /**
   * One {@code lq bench embedding --out} file.
   *
   * @param file where it was read from
   * @param seed the training seed
   * @param split the split it scored
   * @param scoredChecksum checksum of the scored split's examples
   * @param k the trustworthiness neighbourhood
   * @param commit the git commit of the build that measured it, with {@code -dirty} when the tree
   *     was
   * @param kinds the figures of each model kind it trained
   */
  public record Run(
      Path file,
      long seed,
      String split,
      String scoredChecksum,
      int k,
      String commit,
      Map<String, Figures> kinds) {}

  /** The runs of one seed on both sides, for one kind. */
  public record Pair(long seed, Figures baseline, Figures candidate) {}

  /**
   * One kind's paired comparison.
   *
   * @param accuracy candidate minus baseline 1-NN accuracy (fractions), paired by seed
   * @param trustworthiness candidate minus baseline T(k), paired by seed
   */
  public record KindComparison(
      String kind, List<Pair> pairs, PairedDifference accuracy, PairedDifference trustworthiness) {}

  /**
   * The whole comparison.
   *
   * @param split the split every run scored
   * @param k the trustworthiness neighbourhood of every run
   * @param kinds one comparison per kind that both sides measured
   * @param unpaired seeds present on one side only, left out
   * @param baselineCommits the builds that measured the baseline
   * @param candidateCommits the builds that measured the candidate
   */
  public record Result(
      String split,
      int k,
      List<KindComparison> kinds,
      List<Long> unpaired,
      Set<String> baselineCommits,
      Set<String> candidateCommits) {}

  /** Reads one {@code lq bench embedding --out} file; {@code flag} names it in messages. */
  public static Run read(Path file, String flag) {
    JsonNode root = Json.readTree(file);
    JsonNode provenance = root.path("provenance");
    JsonNode results = root.path("results");
    if (!root.path("split").isTextual()
        || !results.isArray()
        || !provenance.path("seed").canConvertToLong()) {
      throw new InputException(flag + " " + file + " is not an lq bench embedding --out file");
    }
    Map<String, Figures> kinds = new LinkedHashMap<>();
    for (JsonNode result : results) {
      kinds.put(
          result.path("kind").asText().toLowerCase(Locale.ROOT),
          new Figures(
              result.path("oneNnAccuracy").asDouble(Double.NaN),
              result.path("trustworthiness").asDouble(Double.NaN)));
    }
    return new Run(
        file,
        provenance.path("seed").asLong(),
        root.path("split").asText(),
        root.path("scored_checksum").asText(""),
        provenance.path("settings").path("k").asInt(-1),
        RecordedCommit.of(provenance),
        kinds);
  }

  /** Pairs {@code candidate} with {@code baseline} by seed and summarises each kind. */
  public static Result compare(List<Run> baseline, List<Run> candidate) {
    if (baseline.isEmpty() || candidate.isEmpty()) {
      throw new InputException("give at least one --baseline and one --candidate file");
    }
    Run first = baseline.get(0);
    baseline.forEach(run -> checkComparable(run, "--baseline", first));
    candidate.forEach(run -> checkComparable(run, "--candidate", first));
    Map<Long, Run> base = bySeed(baseline, "--baseline");
    Map<Long, Run> cand = bySeed(candidate, "--candidate");
    Set<Long> unpaired = new TreeSet<>(base.keySet());
    unpaired.addAll(cand.keySet());
    Set<Long> paired = new TreeSet<>(base.keySet());
    paired.retainAll(cand.keySet());
    unpaired.removeAll(paired);
    if (paired.isEmpty()) {
      throw new InputException(
          "no seed is in both --baseline (seeds "
              + base.keySet()
              + ") and --candidate (seeds "
              + cand.keySet()
              + ")");
    }
    Set<String> kinds = new LinkedHashSet<>();
    for (long seed : paired) {
      kinds.addAll(base.get(seed).kinds().keySet());
    }
    List<KindComparison> comparisons = new ArrayList<>();
    for (String kind : kinds) {
      List<Pair> pairs = new ArrayList<>();
      for (long seed : paired) {
        Figures b = base.get(seed).kinds().get(kind);
        Figures c = cand.get(seed).kinds().get(kind);
        if (b != null && c != null) {
          pairs.add(new Pair(seed, b, c));
        }
      }
      if (!pairs.isEmpty()) {
        comparisons.add(
            new KindComparison(
                kind,
                pairs,
                PairedDifference.of(
                    pairs.stream()
                        .map(p -> p.candidate().oneNnAccuracy() - p.baseline().oneNnAccuracy())
                        .toList()),
                PairedDifference.of(
                    pairs.stream()
                        .map(p -> p.candidate().trustworthiness() - p.baseline().trustworthiness())
                        .toList())));
      }
    }
    if (comparisons.isEmpty()) {
      throw new InputException("--baseline and --candidate measured no model kind in common");
    }
    return new Result(
        first.split(),
        first.k(),
        comparisons,
        List.copyOf(unpaired),
        RecordedCommit.of(baseline, Run::commit),
        RecordedCommit.of(candidate, Run::commit));
  }

  private static void checkComparable(Run run, String flag, Run first) {
    if (!run.split().equals(first.split())) {
      throw new InputException(
          flag
              + " "
              + run.file()
              + " scored the "
              + run.split()
              + " split but --baseline "
              + first.file()
              + " scored "
              + first.split()
              + "; compare runs on one split");
    }
    if (!run.scoredChecksum().equals(first.scoredChecksum())) {
      throw new InputException(
          flag
              + " "
              + run.file()
              + " scored other examples than --baseline "
              + first.file()
              + " (the scored split's checksums differ)");
    }
    if (run.k() != first.k()) {
      throw new InputException(
          flag
              + " "
              + run.file()
              + " measured T("
              + run.k()
              + ") but --baseline "
              + first.file()
              + " measured T("
              + first.k()
              + ")");
    }
  }

  private static Map<Long, Run> bySeed(List<Run> runs, String flag) {
    Map<Long, Run> bySeed = new TreeMap<>();
    for (Run run : runs) {
      Run before = bySeed.put(run.seed(), run);
      if (before != null) {
        throw new InputException(
            flag
                + " files "
                + before.file()
                + " and "
                + run.file()
                + " both have seed "
                + run.seed()
                + "; give one run per seed");
      }
    }
    return bySeed;
  }
}
