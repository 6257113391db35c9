package io.latentquery.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The git commit a figures file says it was measured at, as the comparisons report it. */
final class RecordedCommit {
  private RecordedCommit() {}

  /** The {@code git.commit} of a file's provenance, with {@code -dirty} when the tree was. */
  static String of(JsonNode provenance) {
    JsonNode versions = provenance.path("versions");
    String commit = versions.path("git.commit").asText("unknown");
    return versions.path("git.dirty").asText("").equals("true") ? commit + "-dirty" : commit;
  }

  /** The distinct commits of {@code runs}, in order of first appearance. */
  static <R> Set<String> of(List<R> runs, Function<R, String> commit) {
    Set<String> commits = new LinkedHashSet<>();
    runs.forEach(run -> commits.add(commit.apply(run)));
    return commits;
  }
}
