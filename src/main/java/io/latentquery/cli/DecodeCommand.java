package io.latentquery.cli;

import io.latentquery.inference.Encodings;
import io.latentquery.inference.SavedModelDecoder;
import io.latentquery.inference.SignatureSpec;
import io.latentquery.render.LatentImages;
import io.latentquery.render.LatentPoints;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lq decode}: latent points through an exported decoder, to PNG files. */
@Command(
    name = "decode",
    header = "Decode latent points into PNG images.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Decode latent points with a decoder SavedModel and write each as a PNG",
      "(image-00000.png upwards, in file order), images.csv (file,id,z1..zL) and",
      "grid.png with the first "
          + LatentImages.GRID_MAX
          + " in one picture. Points come from a CSV",
      "with columns z1..zL (lq encode, lq sample), a CSV of L numbers per row, or an",
      "N x L .npy file."
    })
final class DecodeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin VerboseMixin verbose;

  @Option(
      names = "--decoder",
      required = true,
      paramLabel = "DIR",
      description = "The decoder SavedModel, e.g. savedmodels/NAME/decoder.")
  Path decoder;

  @Option(
      names = "--latent",
      required = true,
      paramLabel = "FILE",
      description = "The latent points: .csv or .npy.")
  Path latent;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "The folder to write.")
  Path out;

  @Option(
      names = "--scale",
      defaultValue = "4",
      paramLabel = "K",
      description = "Each image pixel becomes KxK pixels (default: ${DEFAULT-VALUE}).")
  int scale;

  @Option(names = "--force", description = "Replace an existing folder.")
  boolean force;

  @Option(
      names = "--threads",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "TensorFlow intra-op threads; 0 lets TensorFlow choose (default: ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() {
    if (scale < 1 || scale > 64) {
      throw OptionErrors.usage(spec, "--scale must be in 1..64, got " + scale);
    }
    if (threads < 0) {
      throw OptionErrors.usage(spec, "--threads must be >= 0, got " + threads);
    }
    Encodings points = LatentPoints.read(latent);
    LatentImages.Result result;
    try (SavedModelDecoder model =
        SavedModelDecoder.open(decoder, SignatureSpec.decoder(), threads)) {
      result = new LatentImages(model, decoder, scale).write(points, latent, out, force);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println(
        "decoded "
            + result.images()
            + " points of dimension "
            + points.dim()
            + " to "
            + result.shape()
            + " images in "
            + out
            + " ("
            + result.inGrid()
            + " in "
            + LatentImages.GRID
            + ")");
    return 0;
  }
}
