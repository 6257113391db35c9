package io.latentquery.cli;

import io.latentquery.InputException;
import io.latentquery.contract.LabelsCsv;
import io.latentquery.data.Dataset;
import io.latentquery.data.Split;
import io.latentquery.files.Checksums;
import io.latentquery.files.Json;
import io.latentquery.inference.Encodings;
import io.latentquery.inference.SavedModelAutoencoder;
import io.latentquery.inference.SavedModelEncoder;
import io.latentquery.inference.SignatureSpec;
import io.latentquery.provenance.Provenance;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.io.LatentFile;
import io.latentquery.sampling.io.SelectionCsv;
import io.latentquery.sampling.io.SelectionRecord;
import io.latentquery.sampling.propagate.KnownLabels;
import io.latentquery.sampling.strategy.SelectionService;
import io.latentquery.sampling.strategy.StrategyOptions;
import io.latentquery.sampling.strategy.StrategyRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lq sample}: choose the n pool examples to label first. */
@Command(
    name = "sample",
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
      "  ae-error         the n examples the autoencoder reconstructs worst",
      "                   (mean absolute error; needs --autoencoder).",
      "Baselines from the field (options via --option KEY=VALUE):",
      "  kmeans           k-means++ with k = n; the point nearest each centroid",
      "                   (kmeans-restarts=3).",
      "  kcenter          greedy k-center / core-set: farthest point first",
      "                   (kcenter-start=mean|random).",
      "  typiclust        the most typical point of each large uncovered k-means",
      "                   cluster (typiclust-max-clusters=500, typiclust-min-cluster-size=5).",
      "  probcover        greedy maximum coverage of delta-balls (delta=D, else the",
      "                   largest delta with ball purity >= alpha=0.95 against",
      "                   purity-clusters=10 k-means clusters; max-edges=50000000).",
      "",
      "Threshold t: by default the median distance from a point to its 10th",
      "nearest neighbour, over up to 1000 points sampled with the seed; the value",
      "used is recorded. After --max-misses draws in a row take nothing the run",
      "stops with an error that suggests a larger --threshold.",
      "Quotas: n|S|/N (proportional) or n/k (equal), rounded by largest",
      "remainder; a cluster too small gives all its points, the others share",
      "the rest.",
      ""
    })
final class SampleCommand implements Callable<Integer> {
  private static final Logger LOG = LogManager.getLogger(SampleCommand.class);

  @Mixin VerboseMixin verbose;

  @Option(
      names = "--strategy",
      required = true,
      paramLabel = "NAME",
      completionCandidates = StrategyNames.class,
      description = "One of: ${COMPLETION-CANDIDATES}.")
  String strategy;

  @Option(
      names = {"-n", "--n"},
      required = true,
      paramLabel = "N",
      description = "How many examples to select.")
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

  @Option(
      names = "--encoder",
      paramLabel = "DIR",
      description = "Encoder SavedModel folder, e.g. savedmodels/NAME/encoder (with --data).")
  Path encoderPath;

  @Option(
      names = "--latent",
      paramLabel = "FILE",
      description = "Precomputed encodings (.csv or .npy from lq encode) instead of --encoder.")
  Path latent;

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
          "Labels of the examples already labeled (id,label): never selected again; least-confident spreads them.")
  Path labeled;

  @Option(
      names = "--autoencoder",
      paramLabel = "DIR",
      description = "Autoencoder SavedModel folder, for ae-error.")
  Path autoencoderPath;

  @Mixin EncoderOptions encoder;

  @Option(
      names = "--threshold",
      paramLabel = "T",
      description =
          "Draw strategies: largest distance from a draw to the point it takes (default: from the data, see above).")
  String threshold;

  @Option(
      names = "--take",
      paramLabel = "MODE",
      description = "Draw strategies: nearest (default) or all-within.")
  String take;

  @Option(
      names = "--metric",
      paramLabel = "NAME",
      description = "Draw strategies: euclidean (default), manhattan or chebyshev.")
  String metric;

  @Option(
      names = "--max-misses",
      paramLabel = "N",
      description =
          "Draw strategies: consecutive empty draws before giving up (default: max(10000, 100 n)).")
  String maxMisses;

  @Option(
      names = "--clusters",
      paramLabel = "K",
      description = "Clustered strategies: Ward clusters (default: 10).")
  String clusters;

  @Option(
      names = "--ward",
      paramLabel = "MODE",
      description =
          "exact (nearest-neighbour chain), approx (k-means to --ward-centroids centres, then weighted Ward) or auto: exact up to 100000 points (default).")
  String ward;

  @Option(
      names = "--ward-centroids",
      paramLabel = "N",
      description = "Centres of --ward approx (default: 2000).")
  String wardCentroids;

  @Option(
      names = "--quota",
      paramLabel = "RULE",
      description = "Clustered strategies: proportional (default) or equal.")
  String quota;

  @Option(
      names = "--option",
      paramLabel = "KEY=VALUE",
      description = "A strategy option with no flag of its own (repeatable).")
  Map<String, String> extraOptions = new LinkedHashMap<>();

  @Override
  public Integer call() {
    long start = System.nanoTime();
    if (budget < 1) {
      throw new IllegalArgumentException("--n must be >= 1, got " + budget);
    }
    encoder.validate();
    SelectionService service = SelectionService.standard();
    StrategyRegistry.Entry entry = service.registry().require(strategy);
    if ((encoderPath == null) == (latent == null)) {
      throw new IllegalArgumentException("give either --encoder (with --data) or --latent");
    }
    if (encoderPath != null && data == null) {
      throw new IllegalArgumentException("--encoder needs --data");
    }
    if (entry.needsReconstructionError() && autoencoderPath == null) {
      throw new IllegalArgumentException("strategy " + strategy + " needs --autoencoder");
    }
    if (autoencoderPath != null && !entry.needsReconstructionError()) {
      throw new IllegalArgumentException("--autoencoder does not apply to strategy " + strategy);
    }
    if (latent != null && data != null && autoencoderPath == null) {
      throw new IllegalArgumentException(
          "--data is read only with --encoder or --autoencoder, not with --latent alone");
    }
    if (autoencoderPath != null && data == null) {
      throw new IllegalArgumentException("--autoencoder needs --data");
    }
    Split chosen = Split.parse(split);
    service.check(strategy, strategyOptions());
    StrategyOptions options = StrategyOptions.of(strategyOptions());
    Path record = recordPath(out);
    for (Path file : List.of(out, record)) {
      if (Files.exists(file) && !force) {
        throw new InputException(file + " exists; use --force to replace it");
      }
    }

    Map<String, Object> inputs = new LinkedHashMap<>();
    Dataset dataset = data == null ? null : data.open(chosen);
    Encodings encodings;
    String dataChecksum;
    if (latent != null) {
      encodings = LatentFile.read(latent);
      inputs.put("latent", latent.toString());
      inputs.put("latent_sha256", Checksums.sha256(latent));
      dataChecksum = (String) inputs.get("latent_sha256");
    } else {
      try (SavedModelEncoder model =
              SavedModelEncoder.open(encoderPath, encoder.spec(), encoder.threads);
          BatchProgress progress = BatchProgress.start("encode", dataset.size())) {
        encodings = model.encode(dataset, encoder.batchSize, progress);
      }
      inputs.put("encoder", encoderPath.toString());
      inputs.put("encoder_sha256", Checksums.sha256(encoderPath));
      inputs.put("signature", encoder.spec());
      dataChecksum = dataset.checksum();
    }
    if (dataset != null) {
      inputs.put("data", dataset.name());
      inputs.put("split", chosen.label());
      inputs.put("limit", data.limit);
      inputs.put("data_checksum", dataset.checksum());
    }
    if (autoencoderPath != null) {
      options = options.withScores(reconstructionErrors(dataset, encodings));
      inputs.put("autoencoder", autoencoderPath.toString());
      inputs.put("autoencoder_sha256", Checksums.sha256(autoencoderPath));
    }

    int[] alreadyLabeled = new int[0];
    if (labeled != null) {
      LabelsCsv.Resolved resolved =
          LabelsCsv.read(labeled).resolve(encodings.ids(), "the pool", poolClasses(encodings));
      alreadyLabeled = resolved.indices();
      options =
          options.withKnownLabels(
              new KnownLabels(resolved.indices(), resolved.classes(), resolved.classNames()));
      inputs.put("labeled", labeled.toString());
      inputs.put("labeled_sha256", Checksums.sha256(labeled));
    }

    SelectionService.Outcome outcome =
        service.select(
            strategy, options, encodings, new SelectionRequest(budget, seed, alreadyLabeled));
    Selection selection = outcome.selection();

    SelectionCsv.write(out, selection, encodings);
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("pool", encodings.count());
    counts.put("already_labeled", alreadyLabeled.length);
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("strategy", strategy);
    settings.put("n", budget);
    settings.put("options", strategyOptions());
    Json.write(
        record,
        SelectionRecord.builder()
            .strategy(outcome.strategyName())
            .requested(budget)
            .selected(selection.size())
            .seed(seed)
            .parameters(selection.parameters())
            .inputs(inputs)
            .counts(counts)
            .classHistogram(histogram(selection, encodings))
            .seconds(seconds)
            .provenance(Provenance.capture("sample", settings, seed, dataChecksum))
            .draws(selection.madeDraws())
            .build());
    System.out.println(
        "selected "
            + selection.size()
            + " of "
            + encodings.count()
            + " pool examples with "
            + outcome.strategyName()
            + describeThreshold(selection)
            + " -> "
            + out);
    return 0;
  }

  /** The classes of the encodings' own labels, or none (any label) when they have none. */
  private static List<String> poolClasses(Encodings encodings) {
    if (!encodings.hasLabels()) {
      return List.of();
    }
    return List.copyOf(
        new java.util.TreeSet<>(
            encodings.labels().stream().filter(java.util.Objects::nonNull).toList()));
  }

  private double[] reconstructionErrors(Dataset dataset, Encodings encodings) {
    SelectionService.checkSameExamples(dataset, encodings);
    try (SavedModelAutoencoder autoencoder =
            SavedModelAutoencoder.open(
                autoencoderPath, SignatureSpec.autoencoder(), encoder.threads);
        BatchProgress progress = BatchProgress.start("reconstruct", dataset.size())) {
      return autoencoder.errors(dataset, encoder.batchSize, progress);
    }
  }

  /** The options the user gave, by name without dashes. */
  private Map<String, String> strategyOptions() {
    Map<String, String> options = new LinkedHashMap<>();
    put(options, "threshold", threshold);
    put(options, "take", take);
    put(options, "metric", metric);
    put(options, "max-misses", maxMisses);
    put(options, "clusters", clusters);
    put(options, "ward", ward);
    put(options, "ward-centroids", wardCentroids);
    put(options, "quota", quota);
    for (Map.Entry<String, String> extra : extraOptions.entrySet()) {
      if (options.containsKey(extra.getKey())) {
        throw new IllegalArgumentException(
            "--option " + extra.getKey() + " repeats --" + extra.getKey());
      }
      options.put(extra.getKey(), extra.getValue());
    }
    return options;
  }

  private static void put(Map<String, String> options, String name, String value) {
    if (value != null) {
      options.put(name, value);
    }
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

  private static Map<String, Integer> histogram(Selection selection, Encodings encodings) {
    if (!encodings.hasLabels()) {
      return null;
    }
    Map<String, Integer> counts = new TreeMap<>();
    for (int index : selection.indices()) {
      String label = encodings.label(index);
      counts.merge(label == null ? "(unlabeled)" : label, 1, Integer::sum);
    }
    return counts;
  }

  /** The registered strategy names, for --help and shell completion. */
  static final class StrategyNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return StrategyRegistry.standard().names().iterator();
    }
  }

  private static String describeThreshold(Selection selection) {
    Object t = selection.parameters().get("threshold");
    return t == null ? "" : " (threshold " + (float) (double) (Double) t + ")";
  }
}
