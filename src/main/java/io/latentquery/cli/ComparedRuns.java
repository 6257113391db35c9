package io.latentquery.cli;

import io.latentquery.files.Json;
import io.latentquery.provenance.Provenance;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The two sides of a paired comparison of benchmark figures files, {@code --baseline} and {@code
 * --candidate}, and how a comparison command reports where its inputs came from.
 */
final class ComparedRuns {
  @Option(
      names = "--baseline",
      required = true,
      arity = "1..*",
      paramLabel = "FILE",
      description = "--out files of the baseline settings, paired as the description says.")
  List<Path> baseline;

  @Option(
      names = "--candidate",
      required = true,
      arity = "1..*",
      paramLabel = "FILE",
      description = "--out files of the candidate settings, paired as the description says.")
  List<Path> candidate;

  /**
   * Writes {@code comparison} with provenance (both sides' files as settings and inputs) to the
   * figures file, when one was given, and says so on {@code stdout}.
   */
  void write(FiguresFileOptions figures, String command, Object comparison, PrintWriter stdout) {
    if (figures.out == null) {
      return;
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("baseline", baseline.stream().map(Path::toString).toList());
    settings.put("candidate", candidate.stream().map(Path::toString).toList());
    Provenance.Builder provenance =
        Provenance.builder(command).settings(settings).result("comparison", comparison);
    baseline.forEach(file -> provenance.input(Provenance.Input.of("baseline", file)));
    candidate.forEach(file -> provenance.input(Provenance.Input.of("candidate", file)));
    Json.write(figures.out, provenance.build());
    stdout.println("comparison -> " + figures.out);
  }

  /** Commits shortened as git log --oneline shows them, keeping a {@code -dirty} mark. */
  static String commits(Set<String> commits) {
    return String.join(
        ", ",
        commits.stream().map(c -> c.replaceFirst("^([0-9a-f]{7})[0-9a-f]{33}", "$1")).toList());
  }
}
