package io.latentquery.cli;

import io.latentquery.contract.RunExport;
import io.latentquery.export.ExportSource;
import io.latentquery.export.SavedModelExporter;
import io.latentquery.train.RunFolder;
import io.latentquery.train.TrainSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lq export}: writes a trained run's encoder, decoder and autoencoder SavedModels. */
@Command(
    name = "export",
    header = "Export a training run as SavedModels.",
    mixinStandardHelpOptions = true,
    description =
        "Export a training run's last checkpoint as SavedModels: encoder (image -> latent), decoder "
            + "(latent -> image) and autoencoder (image -> reconstruction, error), signature serving_default.")
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin VerboseMixin verbose;

  @Option(
      names = "--run",
      required = true,
      paramLabel = "DIR",
      description = "Run folder written by 'lq train'.")
  Path run;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Export folder, recorded in the run's export.json (default: the recorded one, else savedmodels/NAME).")
  Path out;

  @Option(names = "--force", description = "Replace an existing export.")
  boolean force;

  @Override
  public Integer call() {
    RunFolder folder = new RunFolder(run);
    TrainSettings settings = folder.readSettings();
    Path target = out != null ? out : RunExport.locate(run);
    ExportSource source =
        new ExportSource(
            settings.model(),
            folder.variablesPrefix(),
            List.of(folder.provenance(), folder.settings()));
    new SavedModelExporter().export(source, target, force);
    RunExport.record(run, target);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println("exported " + target);
    return 0;
  }
}
