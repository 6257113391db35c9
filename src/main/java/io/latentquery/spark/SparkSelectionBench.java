package io.latentquery.spark;

import io.latentquery.InputException;
import io.latentquery.provenance.Provenance;
import io.latentquery.sampling.job.SelectionResult;
import io.latentquery.sampling.job.SelectionSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The measurement behind {@code lq bench spark}: synthetic encodings (standard normal in R^L,
 * seeded, with a uniform error column) written as Parquet, then one selection per strategy, each
 * stage timed with its peak memory.
 */
public final class SparkSelectionBench {
  /**
   * What to measure.
   *
   * @param options strategy options given to every strategy timed (by name, without dashes)
   */
  public record Settings(
      long points,
      int dim,
      int n,
      List<String> strategies,
      Map<String, String> options,
      long seed,
      String work,
      boolean reuse) {
    public Settings {
      if (points < 2 || points > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("--points must be in 2..2^31-1, got " + points);
      }
      if (dim < 1) {
        throw new IllegalArgumentException("--dim must be >= 1, got " + dim);
      }
      if (work == null || work.isBlank()) {
        throw new IllegalArgumentException("--work is required");
      }
      strategies = List.copyOf(strategies);
      options = Map.copyOf(options);
      for (String s : strategies) {
        if (!SparkSelectionSettings.STRATEGIES.contains(s)) {
          throw new IllegalArgumentException("--strategies: " + s + " does not run on Spark");
        }
        new SparkSelectionSettings(work, selection(s, n, seed, options));
      }
    }

    public static Builder builder() {
      return new Builder();
    }

    /** Builds {@link Settings}; no options and no reuse unless set. */
    public static final class Builder {
      private long points;
      private int dim;
      private int n;
      private List<String> strategies = List.of();
      private Map<String, String> options = Map.of();
      private long seed;
      private String work;
      private boolean reuse;

      public Builder points(long value) {
        points = value;
        return this;
      }

      public Builder dim(int value) {
        dim = value;
        return this;
      }

      public Builder n(int value) {
        n = value;
        return this;
      }

      public Builder strategies(List<String> value) {
        strategies = value;
        return this;
      }

      public Builder options(Map<String, String> value) {
        options = value;
        return this;
      }

      public Builder seed(long value) {
        seed = value;
        return this;
      }

      public Builder work(String value) {
        work = value;
        return this;
      }

      public Builder reuse(boolean value) {
        reuse = value;
        return this;
      }

      public Settings build() {
        return new Settings(points, dim, n, strategies, options, seed, work, reuse);
      }
    }
  }

  private static SelectionSettings selection(
      String strategy, int n, long seed, Map<String, String> options) {
    return SelectionSettings.builder().strategy(strategy).n(n).seed(seed).options(options).build();
  }

  /**
   * One strategy's stages; {@code stoppedBecause} is null when it selected, else the line it
   * stopped with (its last stage is then named with {@link StageMeter#STOPPED}).
   */
  public record Run(
      String strategy, int selected, List<StageMeter.Stage> stages, String stoppedBecause) {}

  /** Everything measured, with the provenance of the run. */
  public record Report(
      Settings settings,
      String master,
      List<StageMeter.Stage> write,
      List<Run> runs,
      Provenance provenance) {}

  private SparkSelectionBench() {}

  public static Report run(SparkSession spark, Settings settings) {
    StageMeter writing = new StageMeter();
    if (!(settings.reuse()
        && java.nio.file.Files.isDirectory(java.nio.file.Path.of(settings.work())))) {
      write(spark, settings, writing);
    }
    List<Run> runs = new ArrayList<>();
    runAll(spark, settings, runs);
    return report(spark, settings, writing, runs);
  }

  /** The synthetic table: index, id, no label, z ~ N(0, I), error_bce ~ U(0, 1). */
  private static void write(SparkSession spark, Settings settings, StageMeter writing) {
    writing.stage(
        "write",
        () -> {
          List<String> z = new ArrayList<>();
          for (int d = 0; d < settings.dim(); d++) {
            z.add("randn(" + (settings.seed() * 1000 + d) + ")");
          }
          spark
              .range(settings.points())
              .selectExpr(
                  "id as index",
                  "concat('p', id) as id",
                  "cast(null as string) as label",
                  "array(" + String.join(", ", z) + ") as z",
                  "rand(" + (settings.seed() * 1000 - 1) + ") as error_bce")
              .write()
              .mode(SaveMode.Overwrite)
              .parquet(settings.work());
          return null;
        });
  }

  private static void runAll(SparkSession spark, Settings settings, List<Run> runs) {
    for (String strategy : settings.strategies()) {
      StageMeter meter = new StageMeter();
      try {
        SelectionResult result =
            new SparkSelectionJob(spark, meter)
                .run(
                    new SparkSelectionSettings(
                        settings.work(),
                        selection(strategy, settings.n(), settings.seed(), settings.options())));
        runs.add(new Run(strategy, result.selection().size(), meter.stages(), null));
      } catch (InputException e) {
        runs.add(new Run(strategy, 0, meter.stages(), e.getMessage()));
      }
    }
  }

  private static Report report(
      SparkSession spark, Settings settings, StageMeter writing, List<Run> runs) {
    Map<String, Object> recorded = new LinkedHashMap<>();
    recorded.put("bench", settings);
    recorded.put("sparkVersion", spark.version());
    return new Report(
        settings,
        spark.sparkContext().master(),
        writing.stages(),
        runs,
        Provenance.builder("bench spark").settings(recorded).seed(settings.seed()).build());
  }
}
