package io.latentquery.cli;

/** One in-process run of {@code lq}: exit code and what it printed. */
record CliRun(int code, String out, String err) {
  static CliRun of(String... args) {
    CliRunner.Result result = CliRunner.run(args);
    return new CliRun(result.exitCode(), result.out(), result.err());
  }

  /** The line of stderr that starts with {@code lq:}, the tool's own message. */
  String errorLine() {
    return err.lines()
        .filter(l -> l.startsWith("lq:"))
        .findFirst()
        .orElse("<no lq: line in stderr>\n" + err);
  }
}
