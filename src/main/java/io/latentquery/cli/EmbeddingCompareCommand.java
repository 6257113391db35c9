package io.latentquery.cli;

import io.latentquery.bench.EmbeddingComparison;
import io.latentquery.eval.PairedDifference;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code lq bench compare}: a shell over {@link EmbeddingComparison} that prints the paired table
 * and optionally writes it with provenance.
 */
@Command(
    name = "compare",
    header = "Compare two sets of embedding runs, paired by seed.",
    mixinStandardHelpOptions = true,
    description = {
      "Pair the --candidate runs of lq bench embedding with the --baseline runs by training seed and"
          + " print, per model kind and seed, both runs' 1-NN accuracy and T(k), then candidate"
          + " minus baseline: the mean, the standard deviation and the 95%% interval of the paired"
          + " difference (t distribution, one degree of freedom fewer than the pairs; * marks an"
          + " interval without 0). Runs must have scored the same split of the same data with the"
          + " same k. Choose settings this way on validation runs; read test once for the choice."
    })
final class EmbeddingCompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin VerboseMixin verbose;

  @Mixin ComparedRuns runs;

  @Mixin FiguresFileOptions figures;

  @Override
  public Integer call() {
    figures.checkFree();
    EmbeddingComparison.Result result =
        EmbeddingComparison.compare(
            read(runs.baseline, "--baseline"), read(runs.candidate, "--candidate"));
    PrintWriter stdout = spec.commandLine().getOut();
    print(result, stdout);
    runs.write(figures, "bench compare", result, stdout);
    return 0;
  }

  private static List<EmbeddingComparison.Run> read(List<Path> files, String flag) {
    List<EmbeddingComparison.Run> runs = new ArrayList<>();
    files.forEach(file -> runs.add(EmbeddingComparison.read(file, flag)));
    return runs;
  }

  private static void print(EmbeddingComparison.Result result, PrintWriter stdout) {
    String t = "T(" + result.k() + ")";
    stdout.printf(
        Locale.ROOT,
        "lq bench embedding runs on the %s split, candidate minus baseline, paired by seed%n",
        result.split());
    stdout.printf(
        Locale.ROOT,
        "| kind | seed | 1-NN baseline | 1-NN candidate | difference | %s baseline | %s candidate"
            + " | difference |%n|---|---|---|---|---|---|---|---|%n",
        t,
        t);
    for (EmbeddingComparison.KindComparison kind : result.kinds()) {
      for (EmbeddingComparison.Pair pair : kind.pairs()) {
        double b = pair.baseline().oneNnAccuracy();
        double c = pair.candidate().oneNnAccuracy();
        double tb = pair.baseline().trustworthiness();
        double tc = pair.candidate().trustworthiness();
        stdout.printf(
            Locale.ROOT,
            "| %s | %d | %.2f%% | %.2f%% | %+.2f | %.4f | %.4f | %+.4f |%n",
            kind.kind(),
            pair.seed(),
            100 * b,
            100 * c,
            100 * (c - b),
            tb,
            tc,
            tc - tb);
      }
    }
    for (EmbeddingComparison.KindComparison kind : result.kinds()) {
      stdout.printf(
          Locale.ROOT,
          "%s, %d paired seed%s: 1-NN accuracy %s points, std %s; %s x 100 %s, std %s%n",
          kind.kind(),
          kind.pairs().size(),
          kind.pairs().size() == 1 ? "" : "s",
          kind.accuracy().text(),
          std(kind.accuracy()),
          t,
          kind.trustworthiness().text(),
          std(kind.trustworthiness()));
    }
    if (!result.unpaired().isEmpty()) {
      stdout.println("left out, on one side only: seeds " + result.unpaired());
    }
    stdout.println(
        "measured at: baseline "
            + ComparedRuns.commits(result.baselineCommits())
            + "; candidate "
            + ComparedRuns.commits(result.candidateCommits()));
  }

  private static String std(PairedDifference difference) {
    return Double.isNaN(difference.std())
        ? "-"
        : String.format(Locale.ROOT, "%.2f", 100 * difference.std());
  }
}
