package io.latentquery.sampling.job;

import io.latentquery.contract.SelectionTable;
import io.latentquery.inference.Encodings;
import io.latentquery.provenance.Provenance;
import io.latentquery.sampling.Selection;
import io.latentquery.sampling.SelectionRequest;
import io.latentquery.sampling.io.SelectionRecord;
import io.latentquery.sampling.strategy.SelectionService;
import io.latentquery.sampling.strategy.StrategyOptions;
import io.latentquery.sampling.strategy.StrategyRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chooses the examples to label first from an {@link EncodedPool}: the work behind {@code lq
 * sample}, runnable from a test, a batch driver or a service. The result depends only on the
 * settings and the pool, so the same seed gives the same rows.
 */
public final class SelectionJob {
  private final SelectionService service;

  public SelectionJob(SelectionService service) {
    this.service = service;
  }

  /** A job over the standard strategies. */
  public static SelectionJob standard() {
    return new SelectionJob(SelectionService.standard());
  }

  /**
   * Checks the settings before any data is read, so a typo fails at once: the strategy is known,
   * has an autoencoder exactly when it ranks by reconstruction error, has a --labeled file when it
   * spreads labels, and takes the options given.
   *
   * @throws IllegalArgumentException naming the bad strategy, option or flag
   */
  public StrategyRegistry.Entry check(SelectionSettings settings, boolean withAutoencoder) {
    String strategy = settings.strategy();
    StrategyRegistry.Entry entry = service.registry().require(strategy);
    if (entry.needsReconstructionError() && !withAutoencoder) {
      throw new IllegalArgumentException("strategy " + strategy + " needs --autoencoder");
    }
    if (withAutoencoder && !entry.needsReconstructionError()) {
      throw new IllegalArgumentException("--autoencoder does not apply to strategy " + strategy);
    }
    if (entry.needsKnownLabels() && settings.labeled() == null) {
      throw new IllegalArgumentException(
          "strategy " + strategy + " needs --labeled FILE with id,label");
    }
    service.check(strategy, settings.options());
    return entry;
  }

  /** Selects {@code settings.n()} examples of {@code pool}. */
  public SelectionResult run(SelectionSettings settings, EncodedPool pool) {
    long start = System.nanoTime();
    StrategyRegistry.Entry entry = check(settings, pool.hasErrors());
    Encodings encodings = pool.encodings();
    StrategyOptions options = StrategyOptions.of(settings.options());
    if (entry.needsReconstructionError()) {
      options = options.withScores(pool.errors(), pool.errorMeasure());
    }
    Map<String, Object> inputs = new LinkedHashMap<>(pool.inputs());
    List<Provenance.Input> sources = new ArrayList<>(pool.sources());
    LabeledFile labeled = LabeledFile.NONE;
    if (settings.labeled() != null) {
      labeled = LabeledFile.resolve(settings.labeled(), encodings);
      if (labeled.labels().isPresent()) {
        options = options.withKnownLabels(labeled.labels().get());
      }
      Provenance.Input input = Provenance.Input.of("labeled", settings.labeled());
      sources.add(input);
      inputs.put("labeled", input.path());
      inputs.put("labeled_sha256", input.sha256());
    }

    SelectionService.Outcome outcome =
        service.select(
            settings.strategy(),
            options,
            encodings,
            new SelectionRequest(settings.n(), settings.seed(), labeled.indices()));
    Selection selection = outcome.selection();

    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("pool", encodings.count());
    counts.put("already_labeled", labeled.indices().length);
    counts.put("labeled_not_in_pool", labeled.unknown());
    SelectionRecord record =
        SelectionRecord.builder()
            .strategy(outcome.strategyName())
            .requested(settings.n())
            .selected(selection.size())
            .seed(settings.seed())
            .parameters(selection.parameters())
            .inputs(inputs)
            .counts(counts)
            .classHistogram(histogram(selection, encodings))
            .seconds(pool.seconds() + (System.nanoTime() - start) / 1e9)
            .provenance(
                Provenance.builder("sample")
                    .settings(settings)
                    .seed(settings.seed())
                    .dataChecksum(pool.dataChecksum())
                    .inputs(sources)
                    .build())
            .draws(selection.madeDraws())
            .build();
    return new SelectionResult(selection, rows(selection, encodings), record);
  }

  /** The selection as {@code selection.csv} lists it, in rank order. */
  static SelectionTable rows(Selection selection, Encodings encodings) {
    int[] indices = selection.indices();
    int[] clusters = selection.clusters();
    double[] distances = selection.drawDistances();
    List<SelectionTable.Row> rows = new ArrayList<>(indices.length);
    for (int rank = 0; rank < indices.length; rank++) {
      int index = indices[rank];
      String label = encodings.hasLabels() ? encodings.label(index) : null;
      rows.add(
          new SelectionTable.Row(
              rank + 1,
              index,
              encodings.id(index),
              label == null ? "" : label,
              encodings.point(index),
              clusters[rank],
              distances[rank]));
    }
    return new SelectionTable(encodings.dim(), encodings.hasLabels(), rows);
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
}
