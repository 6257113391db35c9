package io.latentquery.cli;

import io.latentquery.InputException;
import io.latentquery.contract.RunExport;
import io.latentquery.contract.SavedModelContract;
import io.latentquery.data.DataCatalog;
import io.latentquery.data.DataRequest;
import io.latentquery.data.Dataset;
import io.latentquery.data.Split;
import io.latentquery.eval.SelectionFile;
import io.latentquery.explore.ExploreJob;
import io.latentquery.explore.ExploreSettings;
import io.latentquery.inference.Encodings;
import io.latentquery.inference.SavedModelEncoder;
import io.latentquery.inference.SignatureSpec;
import io.latentquery.render.RunSettings;
import io.latentquery.sampling.io.LatentFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lq explore}: an HTML page to look at the pool in latent space and edit a selection. */
@Command(
    name = "explore",
    header = "Write an interactive page to see the pool and edit a selection.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Write one HTML file that opens from disk with no server: the pool's encodings on a canvas",
      "(z1 and z2, or the two principal axes when L > 2), coloured by class or by k-means cluster,",
      "with the image under the cursor. Click a point, or drag a lasso, to add points to the",
      "selection or drop them; download the result as a selection.csv in lq sample's format, which",
      "lq evaluate, lq report and lq sample --labeled read. The encodings come from a training run",
      "(--run: its data and export), from an encoder SavedModel, or from a file of lq encode."
    })
final class ExploreCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin VerboseMixin verbose;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(
        names = "--run",
        paramLabel = "DIR",
        description = "A training run: its pool (data and limit) and its recorded export.")
    Path run;

    @Option(
        names = "--encoder",
        paramLabel = "DIR",
        description = "An encoder SavedModel, e.g. savedmodels/NAME/encoder (needs --data).")
    Path encoder;

    @Option(
        names = "--latent",
        paramLabel = "FILE",
        description = "The pool's encodings from lq encode, .csv or .npy (needs --data).")
    Path latent;
  }

  @ArgGroup(exclusive = false, heading = "Data (with --run: the run's own unless given):%n")
  DataOptions data;

  @Option(
      names = "--models",
      paramLabel = "DIR",
      description = "With --run: its export folder (default: the one the run recorded).")
  Path models;

  @Option(
      names = "--selection",
      paramLabel = "CSV",
      description = "A selection from lq sample (or an earlier download) to start from.")
  Path selection;

  @Option(
      names = "--clusters",
      defaultValue = "10",
      paramLabel = "K",
      description = "k-means clusters to colour by (default: ${DEFAULT-VALUE}).")
  int clusters;

  @Option(
      names = "--max-points",
      defaultValue = "20000",
      paramLabel = "N",
      description =
          "Draw at most N pool points, a seeded sample keeping the selection (default: ${DEFAULT-VALUE}).")
  int maxPoints;

  @Option(
      names = "--thumbnail",
      defaultValue = "32",
      paramLabel = "PX",
      description = "Scale larger images down to PX pixels a side (default: ${DEFAULT-VALUE}).")
  int thumbnail;

  @Option(
      names = "--seed",
      defaultValue = "0",
      paramLabel = "S",
      description = "Seed of k-means and of the sample (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--threads",
      defaultValue = "0",
      paramLabel = "N",
      description = "TensorFlow threads; 0 lets TensorFlow choose (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--batch-size",
      defaultValue = "256",
      paramLabel = "N",
      description = "Examples per batch through the encoder (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "HTML",
      description = "The page to write, e.g. reports/NAME-explore.html.")
  Path out;

  @Option(names = "--force", description = "Replace an existing page.")
  boolean force;

  @Override
  public Integer call() {
    ExploreSettings settings = new ExploreSettings(clusters, maxPoints, seed, thumbnail);
    if (models != null && source.run == null) {
      throw new IllegalArgumentException("--models goes with --run");
    }
    if (source.run == null && data == null) {
      throw new IllegalArgumentException("--data is required with --encoder and --latent");
    }
    if (Files.exists(out) && !force) {
      throw new InputException(out + " exists; use --force to replace it");
    }
    Dataset pool = pool();
    int[] selected = selection == null ? new int[0] : SelectionFile.read(selection, pool);
    Encodings encodings = encodings(pool);
    String title =
        "Explore " + pool.name() + (selection == null ? "" : " with " + selection.getFileName());
    ExploreJob.Summary summary =
        new ExploreJob(settings)
            .write(new ExploreJob.Input(encodings, pool, selected, title), out, force);
    spec.commandLine()
        .getOut()
        .println(
            String.format(
                Locale.ROOT,
                "explorer of %,d of %,d pool examples (L = %d, %d selected) -> %s",
                summary.shown(),
                summary.poolSize(),
                summary.latentDim(),
                summary.selected(),
                out));
    return 0;
  }

  private Dataset pool() {
    if (data != null) {
      return data.open(Split.POOL);
    }
    Path settingsFile = source.run.resolve("settings.json");
    if (!Files.isRegularFile(settingsFile)) {
      throw new InputException("not a training run: " + source.run + " has no settings.json");
    }
    RunSettings settings = RunSettings.read(settingsFile);
    DataRequest request = settings.data();
    Dataset pool = DataCatalog.standard().open(request).split(Split.POOL);
    return settings.limit() == null ? pool : pool.limit(settings.limit());
  }

  private Encodings encodings(Dataset pool) {
    if (source.latent != null) {
      return LatentFile.read(source.latent);
    }
    Path encoder =
        source.encoder != null
            ? source.encoder
            : (models != null ? models : RunExport.locate(source.run))
                .resolve(SavedModelContract.ENCODER_DIR);
    try (SavedModelEncoder model =
            SavedModelEncoder.open(encoder, SignatureSpec.encoder(), threads);
        BatchProgress bar = BatchProgress.start("encode", pool.size())) {
      model.checkFits(pool.shape(), "dataset " + pool.name());
      return model.encode(pool, batchSize, bar);
    }
  }
}
