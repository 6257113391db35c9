package io.latentquery.cli;

import io.latentquery.InputException;
import io.latentquery.data.DataCatalog;
import io.latentquery.data.Dataset;
import io.latentquery.data.Split;
import io.latentquery.files.OutputLock;
import io.latentquery.sampling.job.EncodedPool;
import io.latentquery.sampling.job.PoolSettings;
import io.latentquery.sampling.job.SelectionJob;
import io.latentquery.sampling.job.SelectionResult;
import io.latentquery.sampling.job.SelectionSettings;
import io.latentquery.sampling.strategy.StrategyRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lq sample}: choose the n pool examples to label first. */
@Command(
    name = "sample",
    header = "Choose which pool examples to label first.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Choose n pool examples to label first, by a strategy over their encodings.",
      "Encodings are computed by --encoder over --data or read from --latent. Writes OUT (rank, index, id,",
      "label, z1..zL, cluster, draw_distance) and the record OUT.json (strategy,",
      "every parameter used, checksums, counts, class histogram, time). The same",
      "inputs and seed give a byte-identical OUT.",
      "",
      "Strategies:",
      "  random           n distinct examples uniformly at random.",
      "  uniform          draw z uniformly over the bounding box of Z and take the",
      "                   nearest unselected point within t of z; repeat until n.",
      "  normal           the same with z ~ N(mean(Z), Cov(Z)), full covariance.",
      "  uniform-cluster  Ward clusters (--clusters, default 10); per cluster a",
      "                   uniform box and a quota of n.",
      "  normal-cluster   Ward clusters; per cluster a normal and a quota of n.",
      "  ae-error         the n examples the autoencoder reconstructs worst, by",
      "                   --error (default bce, the training loss; needs --autoencoder).",
      "Baselines from the field (options via --option KEY=VALUE):",
      "  kmeans           k-means++ with k = n; the point nearest each centroid",
      "                   (kmeans-restarts=3; kmeans=auto|full|mini-batch: auto runs",
      "                   mini-batch k-means on pools of more than 100,000 points).",
      "  kcenter          greedy k-center / core-set: farthest point first",
      "                   (kcenter-start=random|mean: a seeded random first centre,",
      "                   or the point nearest the mean, the same for every seed).",
      "  typiclust        the most typical point of each large uncovered k-means",
      "                   cluster (typiclust-max-clusters=500, typiclust-min-cluster-size=5,",
      "                   kmeans=auto as for kmeans).",
      "  probcover        greedy maximum coverage of delta-balls (delta=D, else the",
      "                   largest delta with ball purity >= alpha=0.95 against",
      "                   purity-clusters=10 k-means clusters; max-edges=50000000).",
      "",
      "Threshold t: by default the median distance from a point to its 10th",
      "nearest neighbour, over up to 1000 points sampled with the seed; the value",
      "used is recorded. After --max-misses draws in a row take nothing the run",
      "stops with an error that suggests a larger --threshold.",
      "Seeds: every strategy but ae-error uses --seed, so seeds give different",
      "selections; ae-error (and kcenter from labeled points or kcenter-start=mean)",
      "is the same for every seed, recorded as uses_seed false in OUT.json.",
      "Quotas: n|S|/N (proportional) or n/k (equal), rounded by largest",
      "remainder; a cluster too small gives all its points, the others share",
      "the rest.",
      ""
    })
final class SampleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin VerboseMixin verbose;

  @Option(
      names = "--strategy",
      paramLabel = "NAME",
      completionCandidates = StrategyNames.class,
      defaultValue = DEFAULT_STRATEGY,
      description =
          "One of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, the recipe that beat random"
              + " by the widest margin on the validation split; see docs/results.md).")
  String strategy;

  /** The strategy the experiment grids chose on validation: one query nearest each centre. */
  static final String DEFAULT_STRATEGY = "kmeans";

  @Option(
      names = {"-n", "--n"},
      required = true,
      paramLabel = "N",
      description = "How many examples to select.")
  @Sets("budget")
  int budget;

  @Option(
      names = "--seed",
      defaultValue = "0",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--out",
      defaultValue = "selection.csv",
      paramLabel = "FILE",
      description =
          "The selection CSV (default: ${DEFAULT-VALUE}); the record goes to the same name with .json.")
  Path out;

  @Option(names = "--force", description = "Replace an existing selection.")
  boolean force;

  /** Where the encodings come from: one of the two. */
  static final class Source {
    @Option(
        names = "--encoder",
        paramLabel = "DIR",
        description = "Encoder SavedModel folder, e.g. savedmodels/NAME/encoder (with --data).")
    Path encoder;

    @Option(
        names = "--latent",
        paramLabel = "FILE",
        description = "Precomputed encodings (.csv or .npy from lq encode) instead of --encoder.")
    Path latent;
  }

  @ArgGroup(exclusive = true, heading = "Encodings (one of):%n")
  Source source;

  @ArgGroup(exclusive = false, heading = "Data (with --encoder or --autoencoder):%n")
  DataOptions data;

  @Option(
      names = "--split",
      defaultValue = "pool",
      description = "The split to select from (default: ${DEFAULT-VALUE}).")
  String split;

  @Option(
      names = "--labeled",
      paramLabel = "FILE",
      description =
          "Examples already labeled, never selected again: a labels file (id,label), whose labels least-confident spreads, or ids (an id column, or one id per line).")
  Path labeled;

  @Option(
      names = "--autoencoder",
      paramLabel = "DIR",
      description = "Autoencoder SavedModel folder, for ae-error.")
  Path autoencoderPath;

  @Option(
      names = "--error",
      paramLabel = "MEASURE",
      description =
          "ae-error: bce (default; binary cross-entropy, the loss the autoencoder was"
              + " trained to minimise, so the ranking follows what training found hard) or l1"
              + " (mean absolute error), per example over all pixels, from image and"
              + " reconstruction.")
  String errorMeasure;

  @Mixin EncoderOptions encoder;

  @Mixin SelectionOptions selection;

  @Override
  public Integer call() {
    SelectionSettings settings =
        OptionErrors.settings(
            spec,
            () ->
                SelectionSettings.builder()
                    .strategy(strategy)
                    .n(budget)
                    .seed(seed)
                    .options(selection.toMap(spec, errorMeasure))
                    .labeled(labeled)
                    .build());
    encoder.validate();
    SelectionJob job = SelectionJob.standard();
    OptionErrors.check(spec, () -> job.check(settings, autoencoderPath != null));
    PoolSettings poolSettings = OptionErrors.settings(spec, () -> poolSettings(settings));
    Path record = recordPath(out);
    for (Path file : List.of(out, record)) {
      if (Files.exists(file) && !force) {
        throw new InputException(file + " exists; use --force to replace it");
      }
    }
    try (OutputLock lock = OutputLocks.claim(spec, out)) {
      Dataset dataset = poolSettings.open(DataCatalog.standard());
      EncodedPool pool = EncodedPool.build(poolSettings, dataset, BatchProgress::start);
      SelectionResult result = job.run(settings, pool);
      result.write(out, record);
      spec.commandLine().getOut().println(result.summary() + " -> " + out);
    }
    return 0;
  }

  /** Where the pool comes from; the autoencoder's errors are measured as the selection asks. */
  private PoolSettings poolSettings(SelectionSettings selection) {
    PoolSettings.Builder pool =
        PoolSettings.builder()
            .models(
                encoder
                    .models(source == null ? null : source.encoder)
                    .autoencoder(autoencoderPath, selection.errorMeasure())
                    .build());
    if (source != null) {
      pool.latent(source.latent);
    }
    if (data != null) {
      pool.data(data.request(), Split.parse(split), data.limit);
    }
    return pool.build();
  }

  /** {@code selection.csv -> selection.json}; other names get {@code .json} appended. */
  static Path recordPath(Path csv) {
    String name = csv.getFileName().toString();
    String base =
        name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
            ? name.substring(0, name.length() - 4)
            : name;
    return csv.resolveSibling(base + ".json");
  }

  /** The registered strategy names, for --help and shell completion. */
  static final class StrategyNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return StrategyRegistry.standard().names().iterator();
    }
  }
}
