package io.latentquery.cli;

import io.latentquery.InputException;
import io.latentquery.data.Dataset;
import io.latentquery.data.Split;
import io.latentquery.files.Json;
import io.latentquery.inference.Encodings;
import io.latentquery.inference.SavedModelEncoder;
import io.latentquery.provenance.Provenance;
import io.latentquery.sampling.io.LatentFile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lq encode}: a split through an exported encoder, to a file of encodings. */
@Command(
    name = "encode",
    header = "Encode a dataset split with an encoder SavedModel.",
    mixinStandardHelpOptions = true,
    description = {
      "Encode a dataset split with an exported encoder SavedModel (any SavedModel with one float image input and one [-1,L] float output).",
      "Writes id,label,z1..zL as CSV, or an N x L float64 .npy plus NAME.ids.csv when --out ends in .npy,",
      "and OUT.json with the encoder and data checksums. lq sample --latent reads either."
    })
final class EncodeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin VerboseMixin verbose;
  @Mixin DataOptions data;
  @Mixin EncoderOptions encoder;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "DIR",
      description = "The encoder SavedModel folder, e.g. savedmodels/NAME/encoder.")
  Path model;

  @Option(
      names = "--split",
      defaultValue = "pool",
      description = "pool, validation, test or all (default: ${DEFAULT-VALUE}).")
  String split;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Output file: .csv or .npy.")
  Path out;

  @Option(names = "--force", description = "Replace existing output files.")
  boolean force;

  @Override
  public Integer call() {
    encoder.validate();
    Split chosen = Split.parse(split);
    Path provenance = out.resolveSibling(out.getFileName() + ".json");
    java.util.List<Path> outputs = new java.util.ArrayList<>(LatentFile.files(out));
    outputs.add(provenance);
    for (Path file : outputs) {
      if (Files.exists(file) && !force) {
        throw new InputException(file + " exists; use --force to replace it");
      }
    }
    long start = System.nanoTime();
    Dataset dataset = data.open(chosen);
    Encodings encodings;
    try (SavedModelEncoder model =
            SavedModelEncoder.open(this.model, encoder.spec(), encoder.threads);
        BatchProgress progress = BatchProgress.start("encode", dataset.size())) {
      encodings = model.encode(dataset, encoder.batchSize, progress);
    }
    LatentFile.write(out, encodings);
    Provenance.Input encoderInput = Provenance.Input.of("encoder", model);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("encoder", model.toString());
    settings.put("encoderSha256", encoderInput.sha256());
    settings.put("signature", encoder.spec());
    settings.put("data", dataset.name());
    settings.put("split", chosen.label());
    settings.put("limit", data.limit);
    settings.put("batchSize", encoder.batchSize);
    Json.write(
        provenance,
        Provenance.builder("encode")
            .settings(settings)
            .dataChecksum(dataset.checksum())
            .input(encoderInput)
            .input(new Provenance.Input("data", dataset.name(), dataset.checksum(), null))
            .result("examples", encodings.count())
            .result("latentDim", encodings.dim())
            .result("seconds", (System.nanoTime() - start) / 1e9)
            .build());
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println(
        "encoded "
            + encodings.count()
            + " examples of "
            + dataset.name()
            + " to "
            + out
            + " (L = "
            + encodings.dim()
            + ")");
    return 0;
  }
}
