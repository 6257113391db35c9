package io.latentquery.cli;

import io.latentquery.bench.TrainingComparison;
import io.latentquery.bench.TrainingComparison.Measure;
import io.latentquery.bench.TrainingComparison.MeasureComparison;
import io.latentquery.eval.PairedDifference;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code lq bench compare-train}: a shell over {@link TrainingComparison} that prints the paired
 * table and optionally writes it with provenance.
 */
@Command(
    name = "compare-train",
    header = "Compare two sets of training benchmark runs, paired in order.",
    mixinStandardHelpOptions = true,
    description = {
      "Pair the i-th --candidate run of lq bench train with the i-th --baseline run (run them one"
          + " after the other, swapping the order in every other pair) and print both runs' images/s,"
          + " images per CPU-second and shares of this machine's sgemm, then candidate minus"
          + " baseline: the mean, the standard deviation and the 95%% interval of the paired"
          + " difference (t distribution, one degree of freedom fewer than the pairs; * marks an"
          + " interval without 0), and the mean relative change. Every run must have trained the"
          + " same model on the same data at the same batch size."
    })
final class TrainCompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin VerboseMixin verbose;

  @Mixin ComparedRuns runs;

  @Mixin FiguresFileOptions figures;

  @Override
  public Integer call() {
    figures.checkFree();
    TrainingComparison.Result result =
        TrainingComparison.compare(
            runs.baseline.stream().map(f -> TrainingComparison.read(f, "--baseline")).toList(),
            runs.candidate.stream().map(f -> TrainingComparison.read(f, "--candidate")).toList());
    PrintWriter stdout = spec.commandLine().getOut();
    print(result, stdout);
    runs.write(figures, "bench compare-train", result.measures(), stdout);
    return 0;
  }

  private static void print(TrainingComparison.Result result, PrintWriter stdout) {
    stdout.printf(
        Locale.ROOT,
        "lq bench train runs at batch %d, candidate minus baseline, paired in the order given%n",
        result.batchSize());
    StringBuilder header = new StringBuilder("| pair |");
    StringBuilder rule = new StringBuilder("|---|");
    for (Measure measure : result.measures().keySet()) {
      header.append(" ").append(measure.label()).append(", baseline | candidate |");
      rule.append("---|---|");
    }
    stdout.println(header);
    stdout.println(rule);
    for (int i = 0; i < result.baseline().size(); i++) {
      StringBuilder row = new StringBuilder("| " + (i + 1) + " |");
      for (Measure measure : result.measures().keySet()) {
        row.append(
            String.format(
                Locale.ROOT,
                " %.1f | %.1f |",
                measure.of(result.baseline().get(i)),
                measure.of(result.candidate().get(i))));
      }
      stdout.println(row);
    }
    for (Map.Entry<Measure, MeasureComparison> entry : result.measures().entrySet()) {
      PairedDifference d = entry.getValue().difference();
      stdout.printf(
          Locale.ROOT,
          "%s, %d pair%s: %+.2f, std %s, 95%% interval %s; relative %+.1f%%%n",
          entry.getKey().label(),
          d.n(),
          d.n() == 1 ? "" : "s",
          d.mean(),
          d.n() < 2 ? "-" : String.format(Locale.ROOT, "%.2f", d.std()),
          d.n() < 2
              ? "-"
              : String.format(
                  Locale.ROOT, "[%+.2f, %+.2f]%s", d.low(), d.high(), d.excludesZero() ? "*" : ""),
          entry.getValue().relativePercent());
    }
    stdout.println(
        "measured at: baseline "
            + ComparedRuns.commits(result.baselineCommits())
            + "; candidate "
            + ComparedRuns.commits(result.candidateCommits()));
  }
}
