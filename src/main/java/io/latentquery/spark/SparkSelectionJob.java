package io.latentquery.spark;

import io.latentquery.InputException;
import io.latentquery.contract.SelectionTable;
import io.latentquery.provenance.Provenance;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.baseline.KMeansRuns;
import io.latentquery.sampling.baseline.TypiClustSettings;
import io.latentquery.sampling.distribution.LatentDistribution;
import io.latentquery.sampling.io.SelectionRecord;
import io.latentquery.sampling.job.LabeledFile;
import io.latentquery.sampling.job.SelectionResult;
import io.latentquery.sampling.job.SelectionSettings;
import io.latentquery.sampling.strategy.ClusterDraws;
import io.latentquery.sampling.strategy.ClusterSettings;
import io.latentquery.sampling.strategy.DistributionFamily;
import io.latentquery.sampling.strategy.DistributionStrategy;
import io.latentquery.sampling.strategy.DrawLoop;
import io.latentquery.sampling.strategy.DrawSettings;
import io.latentquery.sampling.strategy.RandomStrategy;
import io.latentquery.sampling.strategy.ReconstructionErrorStrategy;
import io.latentquery.sampling.strategy.SelectionService;
import io.latentquery.sampling.strategy.StrategyOptions;
import io.latentquery.sampling.strategy.StrategyRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Selects from Parquet encodings on Spark: the work behind {@code lq spark select}. It gives the
 * selection {@code lq sample} gives on the same pool with the same seed (random, uniform and normal
 * draw on the driver with the single-machine generators; ae-error ranks with the same order and tie
 * rule; uniform-cluster and normal-cluster run the single-machine {@link ClusterDraws} on Spark's
 * clusters, which are lq sample's when Ward runs exactly and come from MLlib k-means then Ward on
 * the centres otherwise, see {@link SparkWard}; typiclust makes lq sample's picks on MLlib's
 * k-means clusters, see {@link SparkTypiClust}), and returns the same {@code selection.csv} rows
 * and {@code selection.json} record. The examples of a {@code --labeled} file, placed in the pool
 * with one pass ({@link LabeledFile}), are never selected and shape each strategy as in lq sample.
 */
public final class SparkSelectionJob {
  private final SparkSession spark;
  private final StageMeter meter;

  public SparkSelectionJob(SparkSession spark) {
    this(spark, StageMeter.NONE);
  }

  /** A job that records the time and memory of its stages in {@code meter}. */
  public SparkSelectionJob(SparkSession spark, StageMeter meter) {
    this.spark = spark;
    this.meter = meter;
  }

  /** Runs the selection {@code settings} describe. */
  public SelectionResult run(SparkSelectionSettings settings) {
    long start = System.nanoTime();
    SelectionSettings selection = settings.selection();
    try (SparkPool pool = meter.stage("read", () -> new SparkPool(spark, settings.encodings()))) {
      LabeledFile labeled =
          selection.labeled() == null
              ? LabeledFile.NONE
              : meter.stage("labeled", () -> LabeledFile.resolve(selection.labeled(), pool));
      SelectionRequest request =
          new SelectionRequest(selection.n(), selection.seed(), labeled.indices());
      request.checkAgainst(pool.count());
      StrategyOptions options = StrategyOptions.of(selection.options());
      Selection chosen =
          switch (selection.strategy()) {
            case "random" -> meter.stage("choose", () -> random(pool, request));
            case "uniform" -> draws(pool, request, DistributionFamily.UNIFORM, options);
            case "normal" -> draws(pool, request, DistributionFamily.NORMAL, options);
            case "uniform-cluster" ->
                clusterDraws(pool, request, DistributionFamily.UNIFORM, options);
            case "normal-cluster" ->
                clusterDraws(pool, request, DistributionFamily.NORMAL, options);
            case "kmeans" -> SparkCentres.select(pool, request, meter);
            case "typiclust" ->
                SparkTypiClust.select(
                    pool,
                    request,
                    TypiClustSettings.fromOptions(options, KMeansRuns.defaults()),
                    meter);
            case "ae-error" -> meter.stage("top-n", () -> aeError(pool, request, options));
            default -> throw new IllegalStateException(selection.strategy());
          };
      chosen =
          SelectionService.withSeedUse(
              chosen, StrategyRegistry.standard().require(selection.strategy()));
      Selection finalChoice = chosen;
      return meter.stage(
          "rows",
          () ->
              result(
                  new Outcome(settings, finalChoice, labeled),
                  pool,
                  (System.nanoTime() - start) / 1e9));
    }
  }

  private static Selection random(SparkPool pool, SelectionRequest request) {
    int[] chosen =
        RandomStrategy.choose(
            pool.count(), request.alreadySelected(), request.budget(), request.seed());
    return Selection.of(chosen, Map.of("strategy", "random"));
  }

  private Selection draws(
      SparkPool pool,
      SelectionRequest request,
      DistributionFamily family,
      StrategyOptions options) {
    DrawSettings draw = DrawSettings.fromOptions(options);
    DistributedDraws rounds =
        new DistributedDraws(pool, pool.blocks(), draw.metric(), request.alreadySelected());
    double threshold =
        draw.threshold() != null
            ? draw.threshold()
            : meter.stage("threshold", () -> rounds.threshold(request.seed()));
    LatentDistribution f = meter.stage("fit", () -> DistributedFit.fit(family, pool));
    int maxMisses = draw.maxMissesFor(request.budget());
    List<DrawLoop.Pick> picks =
        meter.stage(
            "draws",
            () ->
                rounds.take(
                    request.budget(),
                    f,
                    request.seed(),
                    new DrawLoop.Config(threshold, draw.take(), maxMisses),
                    family.label()));
    int[] indices = picks.stream().mapToInt(DrawLoop.Pick::index).toArray();
    double[] distances = picks.stream().mapToDouble(DrawLoop.Pick::distance).toArray();
    int[] clusters = new int[indices.length];
    Arrays.fill(clusters, -1);
    Map<String, Object> parameters = new TreeMap<>();
    parameters.put("strategy", family.label());
    parameters.put("distribution", f.describe());
    parameters.put("draws", rounds.drawsResolved());
    parameters.put("spark_rounds", rounds.rounds());
    DistributionStrategy.putDrawParameters(parameters, draw, threshold, maxMisses);
    double[][] drawn = picks.stream().map(DrawLoop.Pick::draw).toArray(double[][]::new);
    return new Selection(indices, distances, clusters, parameters).withDraws(drawn);
  }

  private Selection clusterDraws(
      SparkPool pool,
      SelectionRequest request,
      DistributionFamily family,
      StrategyOptions options) {
    DrawSettings draw = DrawSettings.fromOptions(options);
    ClusterSettings settings = ClusterSettings.fromOptions(options);
    SparkWard.Result ward = SparkWard.cluster(pool, settings, request.seed(), meter);
    int[] labeled = request.alreadySelected();
    try {
      int[] capacity = ward.sizes().clone();
      for (int[] clusterAndCount : ward.labeledIn(labeled)) {
        capacity[clusterAndCount[0]] -= clusterAndCount[1];
      }
      DistributedDraws whole = new DistributedDraws(pool, ward.blocks(), draw.metric());
      double threshold =
          draw.threshold() != null
              ? draw.threshold()
              : meter.stage("threshold", () -> whole.threshold(request.seed()));
      int[] rounds = new int[1];
      ClusterDraws.Source source =
          new ClusterDraws.Source() {
            @Override
            public LatentDistribution fit(int c) {
              return DistributedFit.fit(family, ward.of(c), ward.sizes()[c], pool.dim());
            }

            @Override
            public List<DrawLoop.Pick> everyUnselected(int c) {
              int[] members =
                  ward.of(c).flatMap(b -> Arrays.stream(b.indices()).iterator()).collect().stream()
                      .mapToInt(Integer::intValue)
                      .filter(i -> Arrays.binarySearch(labeled, i) < 0)
                      .sorted()
                      .toArray();
              List<DrawLoop.Pick> all = new ArrayList<>(members.length);
              for (int i : members) {
                all.add(new DrawLoop.Pick(i, Double.NaN, null));
              }
              return all;
            }

            @Override
            public ClusterDraws.Taken draw(int c, ClusterDraws.Quota quota, SplittableRandom rng) {
              DistributedDraws draws =
                  new DistributedDraws(pool, ward.of(c), draw.metric(), labeled);
              List<DrawLoop.Pick> picks =
                  draws.take(quota.quota(), quota.f(), rng, quota.config(), quota.where());
              rounds[0] += draws.rounds();
              return new ClusterDraws.Taken(picks, draws.drawsResolved());
            }
          };
      String name = family.label() + "-cluster";
      Selection chosen =
          meter.stage(
              "draws",
              () ->
                  ClusterDraws.select(
                      new ClusterDraws.Plan(name, request, draw, threshold, settings),
                      new ClusterDraws.Cut(ward.sizes(), capacity, ward.mode(), ward.nonEmpty()),
                      source));
      Map<String, Object> parameters = new TreeMap<>(chosen.parameters());
      parameters.put("spark_rounds", rounds[0]);
      if (ward.centres() > 0) {
        parameters.put("kmeans_centres", ward.centres());
        parameters.put("kmeans_iterations", ward.iterations());
      }
      return new Selection(
          chosen.indices(), chosen.drawDistances(), chosen.clusters(), parameters, chosen.draws());
    } finally {
      ward.release();
    }
  }

  private static Selection aeError(
      SparkPool pool, SelectionRequest request, StrategyOptions options) {
    String measure = ReconstructionErrorStrategy.measure(options).label();
    String column = EncodingsTable.errorColumn(measure);
    if (EncodingsTable.fieldIndex(pool.frame().schema(), column) < 0) {
      throw new InputException(
          "strategy ae-error with --error "
              + measure
              + " needs column "
              + column
              + " in the encodings (lq spark encode --autoencoder writes it)");
    }
    long nan = pool.frame().filter(functions.isnan(functions.col(column))).count();
    if (nan > 0) {
      throw new InputException("a reconstruction error is NaN");
    }
    int[] labeled = request.alreadySelected();
    List<Row> top =
        pool
            .frame()
            .select(functions.col(EncodingsTable.INDEX), functions.col(column))
            .orderBy(functions.col(column).desc(), functions.col(EncodingsTable.INDEX).asc())
            .limit(request.budget() + labeled.length)
            .collectAsList()
            .stream()
            .filter(row -> Arrays.binarySearch(labeled, (int) row.getLong(0)) < 0)
            .limit(request.budget())
            .toList();
    int[] chosen = top.stream().mapToInt(row -> (int) row.getLong(0)).toArray();
    Map<String, Object> parameters = new TreeMap<>();
    parameters.put("strategy", "ae-error");
    parameters.put("error", measure);
    parameters.put("error_measure", ReconstructionErrorStrategy.measure(options).description());
    parameters.put("highest_error", top.get(0).getDouble(1));
    parameters.put("lowest_selected_error", top.get(top.size() - 1).getDouble(1));
    return Selection.of(chosen, parameters);
  }

  /** What a run chose, with the settings and the labeled examples it was given. */
  private record Outcome(
      SparkSelectionSettings settings, Selection selection, LabeledFile labeled) {}

  private SelectionResult result(Outcome outcome, SparkPool pool, double seconds) {
    SparkSelectionSettings settings = outcome.settings();
    Selection selection = outcome.selection();
    Map<Integer, SparkPool.PoolRow> rows = pool.rowsAt(selection.indices());
    boolean labeled = pool.hasLabels();
    List<SelectionTable.Row> table = new ArrayList<>();
    Map<String, Integer> histogram = labeled ? new TreeMap<>() : null;
    int[] indices = selection.indices();
    for (int rank = 0; rank < indices.length; rank++) {
      SparkPool.PoolRow row = rows.get(indices[rank]);
      table.add(
          new SelectionTable.Row(
              rank + 1,
              row.index(),
              row.id(),
              row.label() == null ? "" : row.label(),
              row.z(),
              selection.clusters()[rank],
              selection.drawDistances()[rank]));
      if (labeled) {
        histogram.merge(row.label() == null ? "(unlabeled)" : row.label(), 1, Integer::sum);
      }
    }
    String footprint = ParquetFootprint.of(spark, settings.encodings(), pool.count());
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("encodings", settings.encodings());
    inputs.put("encodings_footprint", footprint);
    inputs.put("footprint_rule", ParquetFootprint.RULE);
    inputs.put("spark_master", spark.sparkContext().master());
    inputs.put("spark_version", spark.version());
    SelectionSettings selectionSettings = settings.selection();
    List<Provenance.Input> sources = new ArrayList<>();
    sources.add(new Provenance.Input("encodings", settings.encodings(), footprint, null));
    if (selectionSettings.labeled() != null) {
      Provenance.Input input = Provenance.Input.of("labeled", selectionSettings.labeled());
      sources.add(input);
      inputs.put("labeled", input.path());
      inputs.put("labeled_sha256", input.sha256());
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("pool", pool.count());
    counts.put("already_labeled", outcome.labeled().indices().length);
    counts.put("labeled_not_in_pool", outcome.labeled().unknown());
    SelectionRecord record =
        SelectionRecord.builder()
            .strategy(selectionSettings.strategy())
            .requested(selectionSettings.n())
            .selected(selection.size())
            .seed(selectionSettings.seed())
            .parameters(selection.parameters())
            .inputs(inputs)
            .counts(counts)
            .classHistogram(histogram)
            .seconds(seconds)
            .provenance(
                Provenance.builder("spark select")
                    .settings(settings)
                    .seed(selectionSettings.seed())
                    .dataChecksum(footprint)
                    .inputs(sources)
                    .result("spark_version", spark.version())
                    .result("partitions", pool.blocks().getNumPartitions())
                    .build())
            .draws(selection.madeDraws())
            .build();
    return new SelectionResult(selection, new SelectionTable(pool.dim(), labeled, table), record);
  }
}
