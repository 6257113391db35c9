package io.latentquery.cli;

import io.latentquery.InputException;
import io.latentquery.contract.LabelsCsv;
import io.latentquery.data.Dataset;
import io.latentquery.data.Split;
import io.latentquery.eval.SelectionFile;
import io.latentquery.files.Checksums;
import io.latentquery.labeling.ExportManifest;
import io.latentquery.labeling.LabelStudioExport;
import io.latentquery.labeling.LabelStudioImport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lq label ...}: the round trip with Label Studio. */
@Command(
    name = "label",
    header = "Hand chosen images to Label Studio and bring the labels back.",
    description = "Hand chosen images to Label Studio and bring the labels back as id,label.",
    mixinStandardHelpOptions = true,
    subcommands = {LabelCommand.Export.class, LabelCommand.Import.class})
final class LabelCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "export",
      header = "Write a selection's images as a Label Studio project.",
      mixinStandardHelpOptions = true,
      description = {
        "Write a selection's images as a Label Studio project: OUT/images/*.png, OUT/tasks.json (one task",
        "per image; data.image the local-files URL, data.pool_id the pool id), OUT/labeling-config.xml",
        "(one choice per class) and OUT/label-export.json, which lq label import checks against.",
        "Label Studio serves the images when started with LABEL_STUDIO_LOCAL_FILES_SERVING_ENABLED=true",
        "and LABEL_STUDIO_LOCAL_FILES_DOCUMENT_ROOT set to --document-root."
      })
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin VerboseMixin verbose;
    @Mixin DataOptions data;

    @Option(
        names = "--selection",
        required = true,
        paramLabel = "CSV",
        description = "A selection written by lq sample (or the explorer) from this --data.")
    Path selection;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Export folder.")
    Path out;

    @Option(
        names = "--classes",
        split = ",",
        paramLabel = "NAME",
        description = "The choices, comma-separated (default: the data's class names).")
    List<String> classes = new ArrayList<>();

    @Option(
        names = "--document-root",
        defaultValue = ".",
        paramLabel = "DIR",
        description =
            "The folder Label Studio serves local files from; OUT must be inside it (default: the current folder).")
    Path documentRoot;

    @Option(names = "--force", description = "Replace an existing export folder.")
    boolean force;

    @Override
    public Integer call() {
      Dataset pool = data.open(Split.POOL);
      int[] indices = SelectionFile.read(selection, pool);
      List<String> choices = classes.isEmpty() ? pool.classNames() : classes;
      if (choices.isEmpty()) {
        throw OptionErrors.usage(
            spec, "the data has no class names; give the choices with --classes");
      }
      if (Files.exists(out) && !force) {
        throw new InputException(out + " exists; use --force to replace it");
      }
      Map<String, Object> inputs = new LinkedHashMap<>();
      inputs.put("selection", selection.toString());
      inputs.put("selection_sha256", Checksums.sha256(selection));
      inputs.put("data", pool.name());
      inputs.put("data_checksum", pool.checksum());
      ExportManifest manifest =
          LabelStudioExport.run(
              new LabelStudioExport.Settings(pool, indices, choices, out, documentRoot, inputs),
              force);
      spec.commandLine()
          .getOut()
          .println(
              "exported "
                  + manifest.ids().size()
                  + " images with "
                  + manifest.classes().size()
                  + " classes -> "
                  + out);
      return 0;
    }
  }

  @Command(
      name = "import",
      header = "Read a Label Studio export back as a labels file (id,label).",
      mixinStandardHelpOptions = true,
      description = {
        "Read Label Studio's JSON or CSV export of a project from lq label export back to id,label.",
        "Refuses ids the export did not hand out, classes it did not offer, images without an",
        "annotation and annotations that disagree. Skipped (cancelled) annotations do not count."
      })
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin VerboseMixin verbose;

    @Parameters(paramLabel = "FILE", description = "Label Studio's export (.json or .csv).")
    Path file;

    @Option(
        names = "--export",
        required = true,
        paramLabel = "DIR",
        description = "The folder lq label export wrote.")
    Path export;

    @Option(
        names = "--out",
        defaultValue = "labels.csv",
        paramLabel = "CSV",
        description = "The labels file to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--force", description = "Replace an existing labels file.")
    boolean force;

    @Override
    public Integer call() {
      if (Files.exists(out) && !force) {
        throw new InputException(out + " exists; use --force to replace it");
      }
      ExportManifest manifest = ExportManifest.read(export);
      Map<String, String> labels = LabelStudioImport.read(file, manifest);
      LabelsCsv.write(out, new ArrayList<>(labels.keySet()), new ArrayList<>(labels.values()));
      spec.commandLine().getOut().println("imported " + labels.size() + " labels -> " + out);
      return 0;
    }
  }
}
