package io.latentquery.cli;

import io.latentquery.render.Progress;
import io.latentquery.render.RunReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lq report}: one training run, its SavedModels, selections and evaluations as an HTML
 * folder.
 */
@Command(
    name = "report",
    header = "Write a training run's report as an HTML folder.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Write a self-contained report folder (index.html, figures, thumbnails, copies of",
      "the inputs, TensorBoard projector files) for a training run: training curves,",
      "the pool's encodings, reconstructions, the worst-reconstructed examples, the",
      "decoded latent space, every --selection (overlay, class histogram, table with",
      "thumbnails, decoded images) and --evaluation results. The pool is the run's",
      "(dataset and limit from its settings.json) unless --data or --limit say",
      "otherwise. Open OUT/index.html in a browser; it needs no network and no script."
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin VerboseMixin verbose;

  @Option(
      names = "--run",
      required = true,
      paramLabel = "DIR",
      description = "The training run folder, e.g. models/NAME.")
  Path run;

  @Option(
      names = "--models",
      paramLabel = "DIR",
      description =
          "The run's export (encoder/, decoder/, autoencoder/); default: the folder the run recorded in its export.json, else savedmodels/NAME.")
  Path models;

  @Option(
      names = "--selection",
      arity = "1..*",
      paramLabel = "CSV",
      description = "Selections from lq sample (their .json is read beside them); repeatable.")
  List<Path> selections = new ArrayList<>();

  @Option(
      names = "--evaluation",
      arity = "1..*",
      paramLabel = "FILE|DIR",
      description =
          "Results of lq evaluate (*.evaluation.json), an lq experiment results folder or its cells.csv; repeatable.")
  List<Path> evaluations = new ArrayList<>();

  @Option(
      names = "--data",
      paramLabel = "NAME|PATH",
      description = "Another dataset than the run's (its split sizes are kept).")
  String data;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Use the first N pool examples (default: the run's limit).")
  Integer limit;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "The report folder (default: reports/NAME).")
  Path out;

  @Option(names = "--force", description = "Replace an existing report folder.")
  boolean force;

  @Option(
      names = "--threads",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "TensorFlow intra-op threads; 0 lets TensorFlow choose (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--batch-size",
      defaultValue = "256",
      paramLabel = "N",
      description = "Examples per batch through the models (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Override
  public Integer call() {
    RunReport report =
        RunReport.of(run)
            .models(models == null ? RunReport.defaultModels(run) : models)
            .dataset(data)
            .limit(limit)
            .compute(threads, batchSize)
            .progress(ReportCommand::progress);
    selections.forEach(report::selection);
    evaluations.forEach(report::evaluation);
    RunReport.Summary summary = report.write(out == null ? RunReport.defaultOut(run) : out, force);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println(
        String.format(
            Locale.ROOT,
            "report of %s (%,d pool examples of %s, L = %d, %d selection(s), %d evaluation result(s)) -> %s",
            run,
            summary.poolSize(),
            summary.pool(),
            summary.latentDim(),
            summary.selections(),
            summary.evaluationResults(),
            summary.folder().resolve("index.html")));
    return 0;
  }

  static Progress.Step progress(String task, int total) {
    BatchProgress bar = BatchProgress.start(task, total);
    return new Progress.Step() {
      @Override
      public void accept(int done) {
        bar.accept(done);
      }

      @Override
      public void close() {
        bar.close();
      }
    };
  }
}
